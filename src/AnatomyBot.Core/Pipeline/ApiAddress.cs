namespace AnatomyBot.Core.Pipeline;

/// <summary>The rule for every platform API address the bot sends a credential to: absolute and <c>https</c>, except on a
/// loopback host (a local fake, proxy or emulator), where plain <c>http</c> cannot leave the machine.</summary>
public static class ApiAddress
{
    public const string Rule = "an absolute https address (http only on a loopback host such as 127.0.0.1 or localhost)";

    public static bool IsAcceptable(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
