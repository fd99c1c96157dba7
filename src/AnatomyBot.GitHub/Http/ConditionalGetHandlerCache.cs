namespace AnatomyBot.GitHub.Http;

/// <summary>Keeps the ETag cache alive across the handler instances <see cref="IHttpClientFactory"/> rotates.</summary>
internal sealed class ConditionalGetHandlerCache
{
    private readonly ConditionalGetStore _store = new();

    public DelegatingHandler CreateHandler() => new ConditionalGetHandler(_store);
}
