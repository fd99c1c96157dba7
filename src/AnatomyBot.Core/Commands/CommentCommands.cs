using System.Text.RegularExpressions;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Waivers;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace AnatomyBot.Core.Commands;

/// <summary>Reads the <c>/anatomy</c> commands of a comment: the comment is parsed as GitHub-flavoured Markdown (Markdig's
/// block parser), and a line of a top-level paragraph that starts with <c>/anatomy</c> (after at most three spaces) is a
/// command; lines of code blocks, block quotes (lazy continuations included), HTML blocks, list items, tables and
/// headings are not. Each command line is read by the exact grammar; a wrong one says what is wrong. Bounded: the first <see cref="MaxCommands"/> command lines
/// of the first <see cref="MaxBodyLength"/> characters. Pure.</summary>
public static partial class CommentCommands
{
    public const string Prefix = "/anatomy";

    /// <summary>How many command lines one comment may hold; later ones are not read.</summary>
    public const int MaxCommands = 5;

    /// <summary>How much of a comment is read.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>The longest command line read (a waiver's reason included).</summary>
    public const int MaxLineLength = 1_000;

    /// <summary>How every command is written, for replies.</summary>
    public static IReadOnlyList<string> Usage { get; } =
    [
        "/anatomy recheck",
        "/anatomy explain",
        "/anatomy link component:C-ID",
        "/anatomy waive <gap-code> until <YYYY-MM-DD> because <reason>",
        "/anatomy unwaive <gap-code>",
    ];

    /// <summary>GitHub-flavoured Markdown's blocks and inlines: CommonMark with tables, strikethrough, autolinks and task
    /// lists.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    private static readonly (string Prefix, Layer Layer)[] LinkPrefixes =
    [
        ("outcome:", Layer.Outcome), ("stage:", Layer.Stage), ("logic:", Layer.Logic), ("component:", Layer.Component),
    ];

    public static IReadOnlyList<CommandLine> Parse(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var text = (body.Length > MaxBodyLength ? body[..MaxBodyLength] : body).ReplaceLineEndings("\n");
        var source = text.Split('\n');
        var lines = new List<CommandLine>();
        foreach (var number in ParagraphLines(text, source.Length))
        {
            var raw = source[number];
            var indent = raw.Length - raw.TrimStart(' ').Length;
            var line = raw.Trim();
            if (indent > 3 || raw.StartsWith('\t') || !IsCommandLine(line))
            {
                continue;
            }

            lines.Add(Read(line.Length > MaxLineLength ? line[..MaxLineLength] : line));
            if (lines.Count == MaxCommands)
            {
                break;
            }
        }

        return lines;
    }

    /// <summary>The commands of a comment written as HTML (an Azure DevOps work-item comment in the <c>html</c> format):
    /// a line of text at the top of the body or of a <c>div</c> or <c>p</c> that starts with <c>/anatomy</c>; code,
    /// block quotes, lists, tables and headings are not read (<see cref="HtmlCommentLines"/>). Bounded as
    /// <see cref="Parse"/> is.</summary>
    public static IReadOnlyList<CommandLine> ParseHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return [];
        }

        var lines = new List<CommandLine>();
        foreach (var line in HtmlCommentLines.Read(html.Length > MaxBodyLength ? html[..MaxBodyLength] : html))
        {
            if (!IsCommandLine(line))
            {
                continue;
            }

            lines.Add(Read(line.Length > MaxLineLength ? line[..MaxLineLength] : line));
            if (lines.Count == MaxCommands)
            {
                break;
            }
        }

        return lines;
    }

    /// <summary>What is wrong with a well-formed command against the anatomy and the day: a gap code that is not one, a
    /// date in the past or over <c>policy.waivers.maxDays</c>, an element the anatomy does not declare on that layer;
    /// null when it can run.</summary>
    public static string? Check(AnatomyCommand command, EnterpriseAnatomy anatomy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(anatomy);
        switch (command.Kind)
        {
            case CommandKind.Waive or CommandKind.Unwaive when !WaiverRules.IsGapCode(command.GapCode!):
                return $"'{command.GapCode}' is not a gap code: use {string.Join(", ", Linkage.GapCodes.All)} or {WaiverRules.AllGaps}";
            case CommandKind.Waive when command.Until < today:
                return $"{WaiverRules.Format(command.Until!.Value)} is in the past (today is {WaiverRules.Format(today)})";
            case CommandKind.Waive when command.Until > today.AddDays(anatomy.Policy.Waivers.MaxDays):
                return $"{WaiverRules.Format(command.Until!.Value)} is {command.Until!.Value.DayNumber - today.DayNumber} days away; a waiver runs at most {anatomy.Policy.Waivers.MaxDays} days (policy.waivers.maxDays), until {WaiverRules.Format(today.AddDays(anatomy.Policy.Waivers.MaxDays))}";
            case CommandKind.Link when !anatomy.TryGet(command.ElementId!, out var element):
                return $"the anatomy has no {command.Layer!.Value.ToNoun()} '{command.ElementId}'";
            case CommandKind.Link when anatomy.TryGet(command.ElementId!, out var element) && element.Layer != command.Layer:
                return $"'{element.Id}' is a {element.Layer.ToNoun()}, not a {command.Layer!.Value.ToNoun()}: write `/anatomy link {element.Layer.ToNoun()}:{element.Id}`";
            default:
                return null;
        }
    }

    /// <summary>The numbers (from 0) of the source lines that belong to a paragraph at the top of the document, in order:
    /// not inside a code block (fenced with backticks or tildes, or indented), a block quote (lazy continuation lines
    /// included), an HTML block, a list item, a table or a heading, as GitHub's Markdown reads the comment.</summary>
    private static IEnumerable<int> ParagraphLines(string text, int lineCount)
    {
        var document = Markdown.Parse(text, Pipeline);
        foreach (var block in document)
        {
            if (block is not ParagraphBlock paragraph)
            {
                continue;
            }

            // Inline parsing releases a paragraph's lines; its span still covers its source lines.
            var last = Math.Min(paragraph.Line + text.AsSpan(paragraph.Span.Start, paragraph.Span.Length).Count('\n'), lineCount - 1);
            for (var line = paragraph.Line; line <= last; line++)
            {
                yield return line;
            }
        }
    }

    private static bool IsCommandLine(string line) =>
        line.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && (line.Length == Prefix.Length || char.IsWhiteSpace(line[Prefix.Length]));

    private static CommandLine Read(string line)
    {
        var rest = line[Prefix.Length..].Trim();
        var space = rest.IndexOfAny([' ', '\t']);
        var verb = (space < 0 ? rest : rest[..space]).ToLowerInvariant();
        var args = space < 0 ? "" : rest[(space + 1)..].Trim();
        return verb switch
        {
            "recheck" => NoArguments(line, CommandKind.Recheck, args),
            "explain" => NoArguments(line, CommandKind.Explain, args),
            "link" => Link(line, args),
            "waive" => Waive(line, args),
            "unwaive" => Unwaive(line, args),
            _ => new CommandLine { Text = line, Unknown = true },
        };
    }

    private static CommandLine NoArguments(string line, CommandKind kind, string args) => args.Length == 0
        ? Ok(line, new AnatomyCommand { Kind = kind, Text = line })
        : Bad(line, $"`/anatomy {kind.ToString().ToLowerInvariant()}` takes nothing after it");

    private static CommandLine Link(string line, string args)
    {
        const string usage = "write `/anatomy link component:C-ID` (or `outcome:`, `stage:`, `logic:` and an id)";
        if (args.Length == 0 || args.Contains(' ', StringComparison.Ordinal))
        {
            return Bad(line, $"name one element: {usage}");
        }

        foreach (var (prefix, layer) in LinkPrefixes)
        {
            if (args.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var id = args[prefix.Length..];
                return ElementId().IsMatch(id)
                    ? Ok(line, new AnatomyCommand { Kind = CommandKind.Link, Text = line, Layer = layer, ElementId = id })
                    : Bad(line, $"'{id}' is not an element id (letters, digits and -, starting with a letter)");
            }
        }

        return Bad(line, $"'{args}' names no layer: {usage}");
    }

    private static CommandLine Waive(string line, string args)
    {
        const string usage = "write `/anatomy waive <gap-code> until <YYYY-MM-DD> because <reason>`";
        var match = WaiveGrammar().Match(args);
        if (!match.Success)
        {
            return Bad(line, args.Length == 0 ? $"no gap code: {usage}" : !UntilWord().IsMatch(args) ? $"no date: {usage}" : $"no reason: {usage}");
        }

        var date = match.Groups["until"].Value;
        if (!WaiverRules.TryParseDate(date, out var until))
        {
            return Bad(line, $"'{date}' is not a date written YYYY-MM-DD");
        }

        return Ok(line, new AnatomyCommand
        {
            Kind = CommandKind.Waive,
            Text = line,
            GapCode = match.Groups["gap"].Value,
            Until = until,
            Reason = match.Groups["reason"].Value.Trim(),
        });
    }

    private static CommandLine Unwaive(string line, string args) => args.Length > 0 && !args.Contains(' ', StringComparison.Ordinal)
        ? Ok(line, new AnatomyCommand { Kind = CommandKind.Unwaive, Text = line, GapCode = args })
        : Bad(line, "name one gap code: write `/anatomy unwaive <gap-code>`");

    private static CommandLine Ok(string line, AnatomyCommand command) => new() { Text = line, Command = command };

    private static CommandLine Bad(string line, string problem) => new() { Text = line, Problem = problem };

    [GeneratedRegex(@"^(?<gap>\S+)\s+until\s+(?<until>\S+)\s+because\s+(?<reason>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex WaiveGrammar();

    [GeneratedRegex(@"^\S+\s+until\s+\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex UntilWord();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex ElementId();
}
