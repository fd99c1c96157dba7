using System.CommandLine;

namespace AnatomyBot.Cli.Commands;

/// <summary>Every <c>anatomybot</c> subcommand, one line each.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create()
    {
        // Subcommands are registered here: lint, schema, check, digest, serve, replay, demo.
        yield return LintCommand.Create();
        yield return SchemaCommand.Create();
        yield return CheckCommand.Create();
        yield return DigestCommand.Create();
        yield return ServeCommand.Create();
        yield return ReplayCommand.Create();
        yield return DemoCommand.Create();
        yield return FormsCommand.Create();
        yield return DoctorCommand.Create();
        yield return AuditCommand.Create();
    }
}
