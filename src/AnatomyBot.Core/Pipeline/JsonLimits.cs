namespace AnatomyBot.Core.Pipeline;

/// <summary>The one nesting limit for webhook JSON, at both ingresses and wherever a delivery is read again: a body the
/// ingress acknowledges is one the processor can read.</summary>
public static class JsonLimits
{
    /// <summary>Deepest nesting of objects and arrays accepted (System.Text.Json's own default); real payloads of either
    /// platform stay under 10.</summary>
    public const int MaxDepth = 64;
}
