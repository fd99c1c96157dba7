namespace AnatomyBot.Core.Pipeline;

/// <summary>What an ingress decided about an HTTP request: accept it as a delivery (202), answer it without a delivery
/// (e.g. 200 to a ping), or reject it (401 / 400 / 413) with a reason that is safe to log and return.</summary>
public sealed record IngressResult(int StatusCode, Delivery? Delivery, string Reason)
{
    public bool IsAccepted => Delivery is not null;

    public static IngressResult Accepted(Delivery delivery) => new(202, delivery, "accepted");

    public static IngressResult Answered(int statusCode, string reason) => new(statusCode, null, reason);

    public static IngressResult Rejected(int statusCode, string reason) => new(statusCode, null, reason);
}
