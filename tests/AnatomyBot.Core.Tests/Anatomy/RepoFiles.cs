namespace AnatomyBot.Core.Tests.Anatomy;

/// <summary>Finds files of the repository (the folder holding AnatomyBot.sln) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string SampleAnatomy => File.ReadAllText(Path("samples/onboarding/anatomy.yml"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "AnatomyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AnatomyBot.sln not found above " + AppContext.BaseDirectory);
    }
}
