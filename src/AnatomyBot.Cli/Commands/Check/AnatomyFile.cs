using AnatomyBot.Cli.Input;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Loads <c>anatomy.yml</c> for <c>check</c> through the shared <see cref="AnatomyFileLoader"/> (the same guards
/// as <c>lint</c>): the anatomy, or a <see cref="BacklogFileException"/> carrying one line per problem.</summary>
internal static class AnatomyFile
{
    public static EnterpriseAnatomy Load(string path)
    {
        var loaded = AnatomyFileLoader.Load(path);
        return loaded.Anatomy ?? throw new BacklogFileException(string.Join(Environment.NewLine, loaded.ErrorLines));
    }
}
