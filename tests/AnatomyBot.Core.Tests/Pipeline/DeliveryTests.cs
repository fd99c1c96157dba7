using System.Text;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Tests.Pipeline;

/// <summary>A delivery's body given as text or as the UTF-8 bytes received is the same body.</summary>
public sealed class DeliveryTests
{
    private const string Json = """{"title":"Zahlungsübersicht – 支払い 🚀"}""";

    [Fact]
    public void Body_FromUtf8Bytes_DecodesToTheText()
    {
        var bytes = Encoding.UTF8.GetBytes(Json);
        var delivery = Delivery() with { Body = null!, Utf8Body = bytes };

        Assert.Equal(Json, delivery.Body);
        Assert.True(delivery.Utf8Body.Span.SequenceEqual(bytes));
    }

    [Fact]
    public void Utf8Body_FromText_IsItsEncoding() =>
        Assert.Equal(Encoding.UTF8.GetBytes(Json), Delivery().Utf8Body.ToArray());

    [Fact]
    public void Equals_SameBodyGivenEitherWay_AreEqual()
    {
        var fromBytes = Delivery() with { Body = null!, Utf8Body = Encoding.UTF8.GetBytes(Json) };

        Assert.Equal(Delivery(), fromBytes);
        Assert.Equal(Delivery().GetHashCode(), fromBytes.GetHashCode());
        Assert.NotEqual(Delivery(), Delivery() with { Body = "{}" });
        Assert.NotEqual(Delivery(), Delivery() with { Attempts = 1 });
    }

    private static Delivery Delivery() => new()
    {
        Platform = Platforms.GitHub,
        Id = "d-1",
        EventName = "pull_request",
        Body = Json,
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };
}
