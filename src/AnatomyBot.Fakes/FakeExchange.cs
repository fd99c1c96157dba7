using System.Net;

namespace AnatomyBot.Fakes;

/// <summary>One request a fake answered and its answer, for observers that hold the fake to the platform's API description.
/// <see cref="Injected"/> answers were queued by the test (a fault, a throttle), not computed by the route.</summary>
public sealed record FakeExchange(
    RecordedRequest Request,
    FakeRoute Route,
    IReadOnlyDictionary<string, string> Query,
    HttpStatusCode Status,
    string? ContentType,
    string? ResponseBody,
    bool Injected);
