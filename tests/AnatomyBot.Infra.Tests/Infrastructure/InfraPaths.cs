namespace AnatomyBot.Infra.Tests.Infrastructure;

/// <summary>The repository's <c>infra/</c> folder, found from the test output folder.</summary>
internal static class InfraPaths
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    public static string ExampleParameters => Path.Combine(Infra, "main.bicepparam");

    public static IEnumerable<string> BicepFiles() =>
        Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<string> ParameterFiles() =>
        Directory.EnumerateFiles(Infra, "*.bicepparam", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AnatomyBot.sln not found above " + AppContext.BaseDirectory);
    }
}
