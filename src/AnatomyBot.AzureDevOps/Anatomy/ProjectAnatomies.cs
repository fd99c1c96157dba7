using System.Collections.Concurrent;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Anatomy;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>The anatomy of each configured project. Projects reading the first project's source share the registered
/// <see cref="IAnatomyProvider"/>; every other source (<c>AzureDevOps:Anatomy:Projects:{project}</c>, or the shared
/// section when the first project has its own) gets one provider, made on first use and shared by the projects that
/// read it.</summary>
public sealed class ProjectAnatomies(IServiceProvider services, IAnatomyProvider shared, IOptions<AzureDevOpsOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<AnatomySourceOptions, Lazy<AzureDevOpsAnatomyProvider>> _others = new(ReferenceEqualityComparer.Instance);

    /// <summary>The provider of <paramref name="project"/> (a configured project).</summary>
    public IAnatomyProvider For(string project)
    {
        var settings = options.Value;
        var source = settings.Anatomy.For(project);
        if (ReferenceEquals(source, settings.Anatomy.For(settings.DefaultProject)))
        {
            return shared;
        }

        return _others.GetOrAdd(source, s => new Lazy<AzureDevOpsAnatomyProvider>(() => new AzureDevOpsAnatomyProvider(
            AnatomySources.Create(services, s, settings.AnatomyRepositoryProject(project), shared: false),
            TimeSpan.FromSeconds(s.CacheSeconds),
            timeProvider,
            AnatomyParser.Parse))).Value;
    }

    /// <summary>The configured projects grouped by the source they read, in configuration order.</summary>
    public IReadOnlyList<(AnatomySourceOptions Source, IReadOnlyList<string> Projects)> BySource()
    {
        var settings = options.Value;
        return [.. settings.ConfiguredProjects
            .GroupBy(settings.Anatomy.For, ReferenceEqualityComparer.Instance)
            .Select(g => ((AnatomySourceOptions)g.Key!, (IReadOnlyList<string>)[.. g]))];
    }

    public void Dispose()
    {
        foreach (var provider in _others.Values.Where(p => p.IsValueCreated))
        {
            provider.Value.Dispose();
        }
    }
}
