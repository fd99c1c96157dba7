using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Loads <c>anatomy.yml</c> for <c>check</c>: the anatomy, or one line per error as
/// <c>file:line:column: error code: message</c>.</summary>
internal static class AnatomyFile
{
    public static EnterpriseAnatomy Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BacklogFileException($"{path}: cannot read the anatomy file: {ex.Message}");
        }

        var result = AnatomyParser.Parse(yaml);
        if (result.IsValid)
        {
            return result.Anatomy!;
        }

        var errors = result.Errors.Count == 0
            ? [$"{path}: the anatomy file is not valid"]
            : result.Errors.Select(e => $"{path}:{e.Position.Line}:{e.Position.Column}: error {e.Code}: {e.Message}");
        throw new BacklogFileException(string.Join(Environment.NewLine, errors));
    }
}
