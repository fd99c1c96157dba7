using System.Reflection;
using AnatomyBot.Core.Digest.Rendering;

namespace AnatomyBot.Cli.Digest;

/// <summary>The Mermaid script built into the CLI (the npm package's <c>dist/mermaid.min.js</c> at the version pinned in
/// <c>Mermaid.props</c>, its SHA-384 checked by the build), inlined into every HTML digest.</summary>
internal static class MermaidBundle
{
    private static readonly Lazy<MermaidScript> Loaded = new(Load);

    public static MermaidScript Script => Loaded.Value;

    private static MermaidScript Load()
    {
        var assembly = typeof(MermaidBundle).Assembly;
        var version = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MermaidVersion").Value
            ?? throw new InvalidOperationException("The CLI was built without a Mermaid version.");
        using var stream = assembly.GetManifestResourceStream("mermaid.min.js")
            ?? throw new InvalidOperationException("The CLI was built without the Mermaid script.");
        using var reader = new StreamReader(stream);
        return new MermaidScript(version, reader.ReadToEnd());
    }
}
