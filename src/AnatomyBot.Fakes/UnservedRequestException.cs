namespace AnatomyBot.Fakes;

/// <summary>A request no route of the fake serves: the code under test called an API the fake (and perhaps the platform)
/// does not have. Thrown into the caller and kept in <see cref="FakeApi.Unserved"/>, so the test fails either way.</summary>
public sealed class UnservedRequestException : InvalidOperationException
{
    public UnservedRequestException()
    {
    }

    public UnservedRequestException(string message)
        : base(message)
    {
    }

    public UnservedRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
