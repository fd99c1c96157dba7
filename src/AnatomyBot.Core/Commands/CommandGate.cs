using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Core.Commands;

/// <summary>What happens to one command line before any platform call: an unknown command is answered with the list, a
/// malformed one or one the anatomy or the day refuses with exactly what is wrong; a good one is ready to run once the
/// commenter's permission is known. Pure.</summary>
public static class CommandGate
{
    /// <summary>The command ready to run (<c>Reply</c> null), or the reply that ends it (<c>Command</c> null).</summary>
    public static (AnatomyCommand? Command, string? Reply) Decide(CommandLine line, EnterpriseAnatomy? anatomy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Unknown)
        {
            return (null, CommandReplies.Unknown(line.Text));
        }

        if (line.Command is not { } command)
        {
            return (null, CommandReplies.Invalid(line.Text, line.Problem ?? "not a command"));
        }

        if (anatomy is null && command.Kind is not (CommandKind.Recheck or CommandKind.Explain))
        {
            return (null, CommandReplies.Invalid(line.Text, "the anatomy file cannot be read, so nothing can be linked or waived; fix it first"));
        }

        return anatomy is not null && CommentCommands.Check(command, anatomy, today) is { } problem
            ? (null, CommandReplies.Invalid(line.Text, problem))
            : (command, null);
    }
}
