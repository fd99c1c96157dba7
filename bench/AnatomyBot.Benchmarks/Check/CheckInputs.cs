using AnatomyBot.Synthetic;

namespace AnatomyBot.Benchmarks.Check;

/// <summary>Writes the check benchmark's inputs to a folder: <c>anatomy.yml</c> and <c>backlog.json</c>.</summary>
internal static class CheckInputs
{
    public static void Generate(string folder, int items)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "anatomy.yml"), SyntheticAnatomy.Yaml());
        using var backlog = File.Create(Path.Combine(folder, "backlog.json"));
        SyntheticBacklog.Write(backlog, items, seed: 42);
    }
}
