using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AnatomyBot.Fakes;

/// <summary>An in-memory platform API: an <see cref="HttpMessageHandler"/> that answers the operations in its route table
/// from the fake's state, records every request, and throws <see cref="UnservedRequestException"/> for any request no
/// route serves (also kept in <see cref="Unserved"/>, so a caller that swallows exceptions still fails the test through
/// <see cref="AssertAllServed"/>). Tests can put a fault in front of a route; observers see every exchange (conformance
/// checks against the platform's published API description). Serve it over loopback with <see cref="FakeApiServer"/>.</summary>
public abstract class FakeApi : HttpMessageHandler
{
    private readonly List<FakeRoute> _routes = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _unserved = [];
    private readonly List<CannedAnswer> _canned = [];

    protected FakeApi(Uri baseUrl) => BaseUrl = baseUrl;

    /// <summary>Guards the fake's state: routes run under it, and code changing the state from outside takes it too.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Where the API is reached; links in answers are built from it. Set by <see cref="FakeApiServer"/>.</summary>
    public Uri BaseUrl { get; set; }

    public IReadOnlyList<FakeRoute> Routes => _routes;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (Gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Writes => [.. Requests.Where(r => r.IsWrite)];

    /// <summary>Requests no route serves.</summary>
    public IReadOnlyList<RecordedRequest> Unserved
    {
        get
        {
            lock (Gate)
            {
                return [.. _unserved];
            }
        }
    }

    /// <summary>Called after every answered request, outside the lock.</summary>
    public Action<FakeExchange>? Observer { get; set; }

    public void ClearRequests()
    {
        lock (Gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Throws when some request was not served; test harnesses call it when they are disposed.</summary>
    public void AssertAllServed()
    {
        var unserved = Unserved;
        if (unserved.Count > 0)
        {
            throw new UnservedRequestException($"{GetType().Name} received requests it does not serve: {string.Join("; ", unserved)}");
        }
    }

    /// <summary>The next request of <paramref name="method"/> whose path matches <paramref name="pathPattern"/> (a regular
    /// expression over the unescaped path) gets <paramref name="answer"/> instead of the route's answer.</summary>
    public void Queue(HttpMethod method, string pathPattern, Func<HttpResponseMessage> answer) => AddCanned(method, pathPattern, answer, once: true);

    /// <summary>Every request of <paramref name="method"/> whose path matches <paramref name="pathPattern"/> is answered
    /// <paramref name="status"/> (with <paramref name="headers"/>) until <see cref="ClearFaults"/>; the route does not run.</summary>
    public void Fail(HttpMethod method, string pathPattern, HttpStatusCode status, params (string Name, string Value)[] headers) =>
        AddCanned(method, pathPattern, () => Fault(status, headers), once: false);

    public void ClearFaults()
    {
        lock (Gate)
        {
            _canned.Clear();
        }
    }

    protected void Map(HttpMethod method, string template, Func<FakeRequest, FakeResponse> answer, bool isRead = false, bool greedyLast = false)
    {
        var route = new FakeRoute(method, new RouteTemplate(template, greedyLast, IgnoreCase), answer);
        _routes.Add(isRead ? route with { IsRead = true } : route);
    }

    /// <summary>Whether literal path segments match regardless of case (Azure DevOps) or exactly (GitHub).</summary>
    protected virtual bool IgnoreCase => false;

    /// <summary>The path segments routes match, for a request inside <see cref="BaseUrl"/>.</summary>
    protected abstract IReadOnlyList<string> RouteSegments(Uri uri);

    /// <summary>The answer given instead of the route's for a fault (<see cref="Fail"/>).</summary>
    protected virtual HttpResponseMessage Fault(HttpStatusCode status, (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(new JsonObject { ["message"] = "injected " + (int)status }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var recorded = new RecordedRequest(request.Method, uri, request.Content?.Headers.ContentType?.MediaType, body, request.Headers.Authorization?.ToString())
        {
            Headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
        };
        var query = Query(uri);
        HttpResponseMessage response;
        FakeRoute route;
        var injected = false;
        lock (Gate)
        {
            var match = Match(request.Method, uri);
            recorded = recorded with { IsWrite = match is { } m ? !m.Route.IsRead : request.Method != HttpMethod.Get && request.Method != HttpMethod.Head };
            _requests.Add(recorded);
            if (match is null)
            {
                _unserved.Add(recorded);
                throw new UnservedRequestException($"{GetType().Name} does not serve {recorded}");
            }

            route = match.Value.Route;
            if (TakeCanned(request.Method, recorded.Path) is { } canned)
            {
                response = canned();
                injected = true;
            }
            else
            {
                response = ToMessage(route.Answer(new FakeRequest(request, match.Value.Values, query, body)));
            }
        }

        response.RequestMessage = request;
        if (Observer is { } observer)
        {
            var text = response.Content is null ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            observer(new FakeExchange(recorded, route, query, response.StatusCode, response.Content?.Headers.ContentType?.MediaType, text, injected));
        }

        return response;
    }

    private (FakeRoute Route, Dictionary<string, string> Values)? Match(HttpMethod method, Uri uri)
    {
        if (!uri.AbsoluteUri.StartsWith(BaseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase)
            && !uri.AbsoluteUri.Equals(BaseUrl.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = RouteSegments(uri);
        (FakeRoute Route, Dictionary<string, string> Values)? best = null;
        foreach (var route in _routes.Where(r => r.Method == method))
        {
            if (route.Template.TryMatch(segments, out var values) && (best is null || route.Template.Literals > best.Value.Route.Template.Literals))
            {
                best = (route, values);
            }
        }

        return best;
    }

    private void AddCanned(HttpMethod method, string pathPattern, Func<HttpResponseMessage> answer, bool once)
    {
        lock (Gate)
        {
            _canned.Add(new CannedAnswer(method, new Regex(pathPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), answer, once));
        }
    }

    private Func<HttpResponseMessage>? TakeCanned(HttpMethod method, string path)
    {
        var index = _canned.FindIndex(c => c.Method == method && c.Path.IsMatch(path));
        if (index < 0)
        {
            return null;
        }

        var canned = _canned[index];
        if (canned.Once)
        {
            _canned.RemoveAt(index);
        }

        return canned.Answer;
    }

    private static HttpResponseMessage ToMessage(FakeResponse answer)
    {
        var response = new HttpResponseMessage(answer.Status);
        if (answer.Body is not null || answer.Text is not null)
        {
            response.Content = new StringContent(answer.Text ?? answer.Body!.ToJsonString(), Encoding.UTF8, answer.MediaType);
        }

        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last() is { Length: > 1 } p ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);

    private sealed record CannedAnswer(HttpMethod Method, Regex Path, Func<HttpResponseMessage> Answer, bool Once);
}
