using System.CommandLine;
using AnatomyBot.Cli.Commands.Check;
using AnatomyBot.Cli.Input;
using AnatomyBot.Cli.Output;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot lint [anatomy.yml] [--format text|json|markdown|github|azure-pipelines] [--today YYYY-MM-DD]
/// [--backlog FILE…]</c>: parse errors
/// exit 2, error findings exit 1, warnings and info exit 0, whatever the format. Without a file it lints the embedded
/// onboarding sample. Ctrl+C exits 130, SIGTERM 143 (<see cref="Interruption"/>).</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("anatomy.yml")
        {
            Description = "The anatomy file to check (default: the embedded onboarding sample).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json, markdown, github (GitHub Actions annotations) or azure-pipelines (Azure Pipelines issues).",
            DefaultValueFactory = _ => LintFormat.Text,
        };
        format.AcceptOnlyFromAmong(LintFormat.All);
        var today = TodayOption.Create();
        var backlogs = new Option<string[]>("--backlog")
        {
            Description = "A backlog file (as for check): also warn about waivers that match no gap of it. Repeatable.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("lint", "Check an anatomy file: parse errors, architecture gaps (stage-no-outcome, stage-no-logic, …), waivers and completeness per value stream.")
        {
            file,
            format,
            today,
            backlogs,
        };
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("lint", token => Task.FromResult(Run(
            parse.GetValue(file),
            parse.GetValue(format) ?? LintFormat.Text,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            new LintInputs(parse.GetValue(today), parse.GetValue(backlogs) ?? []),
            token)), parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Lints <paramref name="path"/>; <paramref name="cancellationToken"/> is seen between reading, linting and
    /// writing, so an interrupted run writes no report.</summary>
    internal static int Run(string? path, string format, TextWriter output, TextWriter error, LintInputs? inputs = null, CancellationToken cancellationToken = default)
    {
        inputs ??= new LintInputs(null, []);
        if (TodayOption.Parse(inputs.Today, "lint", out var badToday) is not { } today)
        {
            error.WriteLine($"error: {badToday}");
            return ExitCodes.InvalidInput;
        }

        if (path is null)
        {
            error.WriteLine($"anatomybot: no file given; linting the embedded sample {AnatomyFileLoader.SampleName}");
        }

        var loaded = AnatomyFileLoader.Load(path);
        cancellationToken.ThrowIfCancellationRequested();
        if (loaded.Failure is not null)
        {
            error.WriteLine(loaded.Failure);
            WriteFailureAnnotation(output, format, loaded.Failure);
            return ExitCodes.InvalidInput;
        }

        if (loaded.Anatomy is not { } anatomy)
        {
            WriteParseErrors(output, format, loaded);
            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<AnatomyDiagnostic> unused;
        try
        {
            unused = UnusedWaivers.Find(anatomy, inputs.Backlogs);
        }
        catch (BacklogFileException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = AnatomyLinter.Lint(anatomy, today, unused);
        cancellationToken.ThrowIfCancellationRequested();
        switch (format)
        {
            case LintFormat.Json:
                LintJsonRenderer.Write(output, loaded.Name, report.Diagnostics, report.Completeness, valid: true);
                break;
            case LintFormat.Markdown:
                LintMarkdownRenderer.Write(output, loaded.Name, report.Diagnostics, report.Completeness, valid: true);
                break;
            case LintFormat.GitHub:
                GitHubAnnotations.Write(output, loaded.Name, report.Diagnostics);
                output.WriteLine(LintTextRenderer.Counts(report));
                break;
            case LintFormat.AzurePipelines:
                AzurePipelinesIssues.Write(output, loaded.Name, report.Diagnostics);
                output.WriteLine(LintTextRenderer.Counts(report));
                break;
            default:
                LintTextRenderer.Write(output, loaded.Name, report);
                break;
        }

        return report.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void WriteParseErrors(TextWriter output, string format, AnatomyLoadResult loaded)
    {
        var errors = loaded.Parse!.Errors;
        switch (format)
        {
            case LintFormat.Json:
                LintJsonRenderer.Write(output, loaded.Name, errors, [], valid: false);
                break;
            case LintFormat.Markdown:
                LintMarkdownRenderer.Write(output, loaded.Name, errors, [], valid: false);
                break;
            case LintFormat.GitHub:
                GitHubAnnotations.Write(output, loaded.Name, errors);
                output.WriteLine(LintTextRenderer.Counts(errors));
                break;
            case LintFormat.AzurePipelines:
                AzurePipelinesIssues.Write(output, loaded.Name, errors);
                output.WriteLine(LintTextRenderer.Counts(errors));
                break;
            default:
                foreach (var line in loaded.ErrorLines)
                {
                    output.WriteLine(line);
                }

                break;
        }
    }

    /// <summary>In the CI formats a file that cannot be read is also an annotation, so the run shows why it failed.</summary>
    private static void WriteFailureAnnotation(TextWriter output, string format, string failure)
    {
        if (format == LintFormat.GitHub)
        {
            GitHubAnnotations.WriteFailure(output, failure);
        }
        else if (format == LintFormat.AzurePipelines)
        {
            AzurePipelinesIssues.WriteFailure(output, failure);
        }
    }
}
