namespace AnatomyBot.Cli;

/// <summary>The exit codes every <c>anatomybot</c> command shares (a contract: scripts and CI depend on them).</summary>
internal static class ExitCodes
{
    /// <summary>Clean, or warnings/info only.</summary>
    public const int Success = 0;

    /// <summary>Error-severity findings (lint errors, blocking gaps).</summary>
    public const int Findings = 1;

    /// <summary>Unreadable or invalid input, or a usage error.</summary>
    public const int InvalidInput = 2;

    /// <summary>Interrupted (Ctrl+C): 128 + 2, the number of SIGINT, as shells report a command a SIGINT ended.</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated (SIGTERM, as a service manager or <c>kill</c> stops a process): 128 + 15, the number of
    /// SIGTERM.</summary>
    public const int Terminated = 143;
}
