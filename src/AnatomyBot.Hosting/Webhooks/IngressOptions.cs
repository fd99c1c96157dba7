using System.ComponentModel.DataAnnotations;

namespace AnatomyBot.Hosting.Webhooks;

/// <summary>Configuration section <c>Ingress</c>: the webhook routes' own bounds, the same for both platforms.</summary>
public sealed class IngressOptions
{
    public const string SectionName = "Ingress";

    /// <summary>Request bodies read at once by one instance; a request beyond them is answered 503 with
    /// <c>Retry-After</c> before its body is read, so memory stays bounded whatever arrives.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentBodies { get; set; } = 8;
}
