using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Storage;

/// <summary>Maps a read gap code onto the shared constant so a million events do not keep a million copies alive.</summary>
internal static class GapCodeNames
{
    public static string Intern(string code)
    {
        foreach (var known in GapCodes.All)
        {
            if (string.Equals(known, code, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return code;
    }
}
