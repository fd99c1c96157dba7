using System.Text.Json;

namespace AnatomyBot.BareParse;

/// <summary><c>AnatomyBot.BareParse FILE</c>: reads the file and parses it with <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>;
/// writes the number of items (the length of the <c>value</c> array, or of the root array) so the parse cannot be skipped.</summary>
internal static class BareParse
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: AnatomyBot.BareParse FILE");
            return 2;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(args[0]));
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("value");
        Console.WriteLine(items.GetArrayLength());
        return 0;
    }
}
