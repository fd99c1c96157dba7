namespace AnatomyBot.Core.Reconcile;

/// <summary>Where a dry run writes what it would have done: named text artifacts (e.g. files under an outbox folder).
/// Names use forward slashes (<c>github/acme-shop-45.comment.md</c>); writing a name again replaces it.</summary>
public interface IOutboxSink
{
    Task WriteAsync(string name, string content, CancellationToken cancellationToken);
}
