using System.Net;
using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Tests.Anatomy;
using AnatomyBot.Core.Tests.Digest;
using Markdig;

namespace AnatomyBot.Core.Tests.Browser;

/// <summary>Every Markdown golden (PR comment, check summary, story map, digest) as its reader sees it: through Markdig
/// with GitHub-flavoured extensions and a GitHub-like stylesheet, in headless Chromium with Mermaid 11 (the pinned npm
/// package <c>.ci/run</c> installs; no network). Every Mermaid block must become an SVG without a Mermaid error, with
/// its text at least 12 px once scaled to GitHub's 760 px column and whole-number chart ticks; the page must log no
/// error, and a comment must not overflow a 760 px column. Screenshots go to
/// <c>.ci/.work/screenshots/</c>. Skipped when Chromium or Mermaid is absent, except in CI (<c>CI=true</c>), where
/// that fails.</summary>
public sealed class BrowserRenderTests
{
    /// <summary>The width of a comment column on GitHub.</summary>
    private const int CommentWidth = 760;

    /// <summary>The smallest text a diagram may draw once scaled to the column, in CSS pixels.</summary>
    private const double MinimumTextPx = 12;

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Fact]
    public void Goldens_InHeadlessChromium_EveryDiagramDrawsReadablyNoErrorNoCommentOverflow()
    {
        var (chromium, mermaid) = Tools();
        var goldens = Goldens();
        var page = Page(mermaid, goldens.Select(g => (g.Name, g.Markdown, g.Comment)));
        var folder = ScreenshotFolder();
        var file = Path.Combine(folder, "goldens.html");
        File.WriteAllText(file, page);

        using var report = JsonDocument.Parse(ChromiumPage.Report(chromium, file, CommentWidth));

        var problems = new List<string>();
        problems.AddRange(report.RootElement.GetProperty("errors").EnumerateArray().Select(e => "page error: " + e.GetString()));
        var diagrams = 0;
        foreach (var article in report.RootElement.GetProperty("articles").EnumerateArray())
        {
            var name = article.GetProperty("name").GetString();
            var blocks = article.GetProperty("mermaid").GetInt32();
            diagrams += blocks;
            if (article.GetProperty("svg").GetInt32() != blocks)
            {
                problems.Add($"{name}: {blocks} Mermaid blocks, {article.GetProperty("svg").GetInt32()} drawn as SVG");
            }

            if (article.GetProperty("mermaidErrors").GetInt32() > 0)
            {
                problems.Add($"{name}: Mermaid reported a syntax error");
            }

            if (blocks > 0 && article.GetProperty("minTextPx").GetDouble() < MinimumTextPx)
            {
                problems.Add($"{name}: diagram text drawn at {article.GetProperty("minTextPx").GetDouble():0.#} px, below {MinimumTextPx} px at a {CommentWidth} px column");
            }

            if (article.GetProperty("fractionalTicks").GetInt32() > 0)
            {
                problems.Add($"{name}: {article.GetProperty("fractionalTicks").GetInt32()} chart ticks are not whole numbers");
            }

            if (article.GetProperty("comment").GetBoolean() && article.GetProperty("overflow").GetInt32() > 0)
            {
                problems.Add($"{name}: {article.GetProperty("overflow").GetInt32()} px wider than a {CommentWidth} px comment column");
            }
        }

        Assert.Equal(goldens.Count, report.RootElement.GetProperty("articles").GetArrayLength());
        Assert.True(diagrams > 0, "no golden holds a Mermaid diagram, so none was checked");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void HtmlDigest_InHeadlessChromium_DrawsOfflineWithNoRequestAndNoConsoleError()
    {
        var (chromium, mermaid) = Tools();
        var (version, sha384) = MermaidPin();
        var installed = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(mermaid)!)!, "package.json")));
        Assert.Equal(version, installed.RootElement.GetProperty("version").GetString());
        // The bytes the CLI inlines: the build checks its copy against the same pinned hash.
        Assert.Equal(sha384, Convert.ToBase64String(System.Security.Cryptography.SHA384.HashData(File.ReadAllBytes(mermaid))));
        var digest = DigestBuilder.Build(DigestFixture.Request(), DigestFixture.Items, DigestFixture.Events);
        var page = DigestHtmlRenderer.Render(digest, new MermaidScript(version, File.ReadAllText(mermaid)));
        var head = page.IndexOf("<head>", StringComparison.Ordinal) + "<head>".Length;
        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        var instrumented = page[..head] + "<script>" + ErrorHook + "</script>" + page[head..end] + "<pre id=\"report\"></pre><script>" + HtmlReportScript + "</script>" + page[end..];
        var file = Path.Combine(ScreenshotFolder(), "html-digest.html");
        File.WriteAllText(file, instrumented);

        using var report = JsonDocument.Parse(ChromiumPage.Report(chromium, file, 1012, "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"));

        var root = report.RootElement;
        Assert.Equal(4, root.GetProperty("mermaid").GetInt32());
        Assert.Equal(root.GetProperty("mermaid").GetInt32(), root.GetProperty("svg").GetInt32());
        Assert.Equal(0, root.GetProperty("mermaidErrors").GetInt32());
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        Assert.Empty(root.GetProperty("requests").EnumerateArray());
        Assert.Equal(version, root.GetProperty("version").GetString());
    }

    /// <summary>The Mermaid version and SHA-384 pinned in <c>src/AnatomyBot.Cli/Mermaid.props</c>, the one place the build
    /// and <c>.ci/run</c> read them from.</summary>
    private static (string Version, string Sha384) MermaidPin()
    {
        var props = System.Xml.Linq.XDocument.Load(RepoFiles.Path("src/AnatomyBot.Cli/Mermaid.props"));
        string Value(string name) => props.Descendants(name).Single().Value;
        return (Value("MermaidVersion"), Value("MermaidSha384"));
    }

    /// <summary>Collects page errors, failed loads and console errors from the first script on.</summary>
    private const string ErrorHook = """
        window.__errors = [];
        window.addEventListener('error', e => __errors.push(e.message ? String(e.message) : 'failed to load ' + (e.target && (e.target.src || e.target.href))), true);
        window.addEventListener('unhandledrejection', e => __errors.push('unhandled rejection: ' + e.reason));
        const __consoleError = console.error; console.error = (...a) => { __errors.push(a.map(String).join(' ')); __consoleError(...a); };
        """;

    /// <summary>Waits until Mermaid has drawn every block of the page (it starts on load), then reports what it drew and
    /// every resource the page asked for beyond itself.</summary>
    private const string HtmlReportScript = """
        (function report(tries) {
          const blocks = [...document.querySelectorAll('pre.mermaid')];
          if (tries > 0 && blocks.some(p => p.getAttribute('data-processed') !== 'true')) { setTimeout(() => report(tries - 1), 100); return; }
          document.getElementById('report').textContent = JSON.stringify({
            mermaid: blocks.length,
            svg: document.querySelectorAll('pre.mermaid > svg').length,
            mermaidErrors: blocks.filter(p => /Syntax error|Parse error/i.test(p.textContent)).length,
            errors: __errors,
            requests: performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith('data:')),
            version: document.querySelector('script[data-mermaid-version]').dataset.mermaidVersion,
          });
        })(200);
        """;

    [Fact]
    public void AudienceViews_Screenshots_SavedForAPersonToLookAt()
    {
        var (chromium, mermaid) = Tools();
        var folder = ScreenshotFolder();
        foreach (var (audience, golden, width) in (ReadOnlySpan<(string, string, int)>)
                 [("delivery-team-comment", "tests/AnatomyBot.Core.Tests/Reconcile/Golden/blocked.comment.md", CommentWidth),
                  ("product-owner-story-map", "tests/AnatomyBot.Cli.Tests/Check/Golden/check.md", 1012),
                  ("governance-digest", "tests/AnatomyBot.Core.Tests/Digest/Golden/weekly-digest.github.md", 1012)])
        {
            var file = Path.Combine(folder, audience + ".html");
            File.WriteAllText(file, Page(mermaid, [(audience, File.ReadAllText(RepoFiles.Path(golden)), width == CommentWidth)]));
            var png = Path.Combine(folder, audience + ".png");
            File.Delete(png);

            ChromiumPage.Screenshot(chromium, file, png, width, 1400);

            Assert.True(new FileInfo(png).Length > 10_000, $"{png} is too small to show the page");
        }
    }

    /// <summary>Chromium and the Mermaid script, or a skip (outside CI) or failure (in CI) saying which is missing.</summary>
    private static (string Chromium, string Mermaid) Tools()
    {
        var chromium = ChromiumPage.Find();
        var mermaid = Environment.GetEnvironmentVariable("ANATOMYBOT_MERMAID_JS") is { Length: > 0 } chosen
            ? chosen
            : RepoFiles.Path(".ci/.work/node/node_modules/mermaid/dist/mermaid.min.js");
        var missing = chromium is null
            ? "Chromium is not installed (apt-get install -y chromium)"
            : !File.Exists(mermaid) ? $"the Mermaid script is not at {mermaid} (.ci/run installs it from npm)" : null;
        if (missing is not null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", missing);
            Assert.Skip(missing);
        }

        return (chromium!, mermaid);
    }

    private static List<(string Name, string Markdown, bool Comment)> Goldens()
    {
        var goldens = new List<(string, string, bool)>();
        foreach (var folder in (string[])["tests/AnatomyBot.Core.Tests/Reconcile/Golden", "tests/AnatomyBot.Core.Tests/Digest/Golden", "tests/AnatomyBot.Cli.Tests/Check/Golden"])
        {
            foreach (var file in Directory.GetFiles(RepoFiles.Path(folder), "*.md").Order(StringComparer.Ordinal))
            {
                // Comments and check summaries are read in a comment column; the story map and the digest are pages.
                var name = Path.GetFileName(file);
                goldens.Add((name, File.ReadAllText(file), folder.EndsWith("Reconcile/Golden", StringComparison.Ordinal)));
            }
        }

        return goldens;
    }

    private static string ScreenshotFolder()
    {
        var folder = RepoFiles.Path(".ci/.work/screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A page holding each Markdown text rendered as GitHub would, one article each, and a script that draws
    /// the Mermaid blocks and writes what it found into <c>&lt;pre id="report"&gt;</c> as JSON.</summary>
    private static string Page(string mermaidScript, IEnumerable<(string Name, string Markdown, bool Comment)> texts)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><style>").Append(GitHubStyle).Append("</style>");
        html.Append("<script>window.__errors = []; window.addEventListener('error', e => __errors.push(String(e.message)));")
            .Append("const __consoleError = console.error; console.error = (...a) => { __errors.push(a.map(String).join(' ')); __consoleError(...a); };</script>");
        html.Append("<script>").Append(File.ReadAllText(mermaidScript).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("</script></head><body>");
        foreach (var (name, markdown, comment) in texts)
        {
            html.Append("<article class=\"markdown-body\" data-name=\"").Append(WebUtility.HtmlEncode(name)).Append("\" data-comment=\"").Append(comment ? "1" : "0")
                .Append("\" style=\"").Append(comment ? $"width:{CommentWidth - 32}px" : "").Append("\">")
                .Append(Markdig.Markdown.ToHtml(markdown, Markdown)).Append("</article>");
        }

        html.Append("<pre id=\"report\"></pre><script>").Append(ReportScript).Append("</script></body></html>");
        return html.ToString();
    }

    private const string ReportScript = """
        for (const code of document.querySelectorAll('pre > code.language-mermaid')) {
          const pre = document.createElement('pre');
          pre.className = 'mermaid';
          pre.textContent = code.textContent;
          code.parentElement.replaceWith(pre);
        }
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true })
          .catch(e => __errors.push('mermaid: ' + e))
          .finally(() => {
            const articles = [...document.querySelectorAll('article')].map(a => ({
              name: a.dataset.name,
              comment: a.dataset.comment === '1',
              mermaid: a.querySelectorAll('pre.mermaid').length,
              svg: a.querySelectorAll('pre.mermaid > svg').length,
              mermaidErrors: [...a.querySelectorAll('pre.mermaid')].filter(p => /Syntax error|Parse error/i.test(p.textContent)).length,
              overflow: Math.max(0, ...[a, ...a.querySelectorAll('table, pre:not(.mermaid)')].map(e => e.scrollWidth - e.clientWidth)),
              minTextPx: Math.min(1000, ...[...a.querySelectorAll('pre.mermaid > svg')].flatMap(svg => {
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return [...svg.querySelectorAll('text, foreignObject span, foreignObject p')]
                  .filter(e => e.textContent.trim() !== '')
                  .map(e => parseFloat(getComputedStyle(e).fontSize) * scale);
              })),
              fractionalTicks: [...a.querySelectorAll('pre.mermaid > svg .label text')].filter(t => /^-?\d*\.\d+$/.test(t.textContent.trim())).length,
            }));
            document.getElementById('report').textContent = JSON.stringify({ articles, errors: __errors });
          });
        """;

    /// <summary>The parts of GitHub's Markdown stylesheet that decide width and wrapping.</summary>
    private const string GitHubStyle = """
        body { margin: 16px; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328; background: #fff; }
        .markdown-body { box-sizing: border-box; padding: 16px; margin-bottom: 24px; border: 1px solid #d1d9e0; border-radius: 6px; overflow-wrap: break-word; }
        .markdown-body table { display: block; max-width: 100%; width: max-content; overflow: auto; border-collapse: collapse; border-spacing: 0; }
        .markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
        .markdown-body pre { padding: 16px; overflow: auto; font-size: 85%; background: #f6f8fa; border-radius: 6px; }
        .markdown-body code { padding: .2em .4em; font-size: 85%; background: rgba(129, 139, 152, .12); border-radius: 6px; }
        .markdown-body pre.mermaid { background: #fff; }
        .markdown-body pre.mermaid svg { max-width: 100%; height: auto; }
        .markdown-body h1, .markdown-body h2 { padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; }
        .markdown-body details summary { cursor: pointer; }
        .markdown-body img { max-width: 100%; }
        """;
}
