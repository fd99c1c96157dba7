using System.CommandLine;
using AnatomyBot.Cli.Input;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>anatomybot schema</c>: prints the JSON Schema of <c>anatomy.yml</c> (the same file as
/// <c>schema/anatomy.schema.json</c> in the repository) for editors and CI validators.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of anatomy.yml (for yaml-language-server and other validators).");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(EmbeddedResources.ReadText(EmbeddedResources.AnatomySchema));
            return ExitCodes.Success;
        });
        return command;
    }
}
