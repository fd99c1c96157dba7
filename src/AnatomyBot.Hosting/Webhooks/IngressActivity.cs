namespace AnatomyBot.Hosting.Webhooks;

/// <summary>How many webhook requests the receiver is answering right now. The local inbox worker waits for none to be
/// in flight before it processes the next delivery (up to <c>Inbox:YieldToAcknowledgements</c>), so a burst is
/// acknowledged first and processed behind it: processing runs after the 202 anyway, and on a small machine it competed
/// with the acknowledgements for the cores.</summary>
public sealed class IngressActivity
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private TaskCompletionSource? _idle;

    /// <summary>Counts a request in flight until the returned scope is disposed.</summary>
    public Scope Enter()
    {
        lock (_gate)
        {
            _inFlight++;
        }

        return new Scope(this);
    }

    /// <summary>Completes when no request is in flight (at once if none is).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _inFlight == 0 ? Task.CompletedTask : (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    private void Exit()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult();
    }

    /// <summary>One request in flight.</summary>
    public readonly struct Scope(IngressActivity owner) : IDisposable
    {
        public void Dispose() => owner?.Exit();
    }
}
