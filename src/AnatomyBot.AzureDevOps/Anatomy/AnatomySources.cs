using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>The <see cref="IAnatomyFileSource"/> of a configured source: an Azure Repos file, a local file, or a GitHub
/// file read by the reader the host registers under the key <see cref="AnatomySourceKind.GitHub"/> (the shared source as
/// an <see cref="IAnatomyFileSource"/>, a project's own as a <see cref="Func{T, TResult}"/> of its options).</summary>
public static class AnatomySources
{
    /// <param name="provider">The services.</param>
    /// <param name="source">The source's options.</param>
    /// <param name="repositoryProject">The project of an Azure Repos repository (<see cref="AzureDevOpsOptions.AnatomyRepositoryProject"/>).</param>
    /// <param name="shared">Whether <paramref name="source"/> is the shared source of the first project.</param>
    public static IAnatomyFileSource Create(IServiceProvider provider, AnatomySourceOptions source, string repositoryProject, bool shared)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind switch
        {
            AnatomySourceKind.GitHub => (shared
                    ? provider.GetKeyedService<IAnatomyFileSource>(AnatomySourceKind.GitHub)
                    : provider.GetKeyedService<Func<AnatomySourceOptions, IAnatomyFileSource>>(AnatomySourceKind.GitHub)?.Invoke(source))
                ?? throw new InvalidOperationException(
                    "AzureDevOps:Anatomy:GitHub is set but no GitHub anatomy reader is registered (the host adds AnatomyBot.GitHub's AddGitHubAnatomyFileSource)."),
            AnatomySourceKind.LocalFile => new LocalAnatomyFileSource(source.LocalPath!),
            _ => new AzureReposAnatomyFileSource(provider.GetRequiredService<AzureDevOpsClient>(), source, repositoryProject),
        };
    }
}
