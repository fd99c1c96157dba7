namespace AnatomyBot.Cli.Tests.Infrastructure;

/// <summary>Paths inside the repository (the folder holding AnatomyBot.sln), found from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleAnatomy => Path.Combine(Root, "samples", "onboarding", "anatomy.yml");

    public static string Schema => Path.Combine(Root, "schema", "anatomy.schema.json");

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
