using AnatomyBot.Cli.Input;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>Loads <c>anatomy.yml</c> for <c>check</c> through the shared <see cref="AnatomyFileLoader"/> (the same guards
/// as <c>lint</c>), or takes it from a <see cref="AnatomyPrefetch"/> that read it already: the anatomy, or a
/// <see cref="BacklogFileException"/> carrying one line per problem.</summary>
internal static class AnatomyFile
{
    public static EnterpriseAnatomy Load(string path, AnatomyPrefetch? prefetch = null)
    {
        var loaded = prefetch?.Take(path) ?? AnatomyFileLoader.Load(path);
        return loaded.Anatomy ?? throw new BacklogFileException(string.Join(Environment.NewLine, loaded.ErrorLines));
    }
}
