using System.CommandLine;
using System.Text;
using AnatomyBot.Cli.Input;
using AnatomyBot.Core.Forms;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot forms --anatomy FILE [--out DIR]</c>: writes GitHub issue forms (epic, feature, story) whose
/// dropdowns list the anatomy's outcomes, stages and components. A file whose text is already right is left untouched,
/// so regenerating after no change rewrites nothing. Exit 0 written, 1 a file could not be written, 2 invalid input, 130 interrupted (Ctrl+C), 143 terminated (SIGTERM).</summary>
internal static class FormsCommand
{
    public const string DefaultFolder = ".github/ISSUE_TEMPLATE";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create()
    {
        var anatomy = new Option<string>("--anatomy") { Description = "anatomy.yml whose outcomes, stages and components the forms list.", HelpName = "FILE", Required = true };
        var output = new Option<string>("--out") { Description = $"Folder for epic.yml, feature.yml and story.yml (default {DefaultFolder}).", HelpName = "DIR", DefaultValueFactory = _ => DefaultFolder };
        var command = new Command("forms", "Write GitHub issue forms whose dropdowns link epics, features and stories to the anatomy.")
        {
            anatomy, output,
        };
        command.SetAction((parse, cancellationToken) => Interruption.RunAsync("forms", token => Task.FromResult(Run(
            parse.GetValue(anatomy)!,
            parse.GetValue(output) ?? DefaultFolder,
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            token)), parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Writes the forms; <paramref name="cancellationToken"/> is seen after reading and before each file, so an
    /// interrupted run stops before its next form.</summary>
    internal static int Run(string anatomyPath, string folder, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var loaded = AnatomyFileLoader.Load(anatomyPath);
        cancellationToken.ThrowIfCancellationRequested();
        if (loaded.Anatomy is not { } anatomy)
        {
            foreach (var line in loaded.ErrorLines)
            {
                error.WriteLine(line);
            }

            return ExitCodes.InvalidInput;
        }

        try
        {
            Directory.CreateDirectory(folder);
            foreach (var form in IssueFormWriter.Create(anatomy, loaded.Name))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = Path.Combine(folder, form.FileName);
                var bytes = Utf8.GetBytes(form.Text);
                if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                {
                    output.WriteLine($"unchanged {path}");
                    continue;
                }

                File.WriteAllBytes(path, bytes);
                output.WriteLine($"wrote {path}");
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"anatomybot: cannot write the forms to {folder}: {failure.Message}");
            return ExitCodes.Findings;
        }

        return ExitCodes.Success;
    }
}
