using AnatomyBot.GitHub.Ingress;

namespace AnatomyBot.GitHub.Tests;

public sealed class WebhookSignatureTests
{
    // GitHub's documented test vector ("Validating webhook deliveries").
    private const string Secret = "It's a Secret to Everybody";
    private const string Payload = "Hello, World!";
    private const string Expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    [Fact]
    public void Compute_GitHubDocumentedTestVector_MatchesExpectedSignature() =>
        Assert.Equal(Expected, WebhookSignature.Compute(Secret, GitHubHarnessBytes(Payload)));

    [Fact]
    public void IsValid_DocumentedSignature_ReturnsTrue() =>
        Assert.True(WebhookSignature.IsValid(Secret, GitHubHarnessBytes(Payload), Expected));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    public void IsValid_WrongMissingOrMalformedSignature_ReturnsFalse(string? header) =>
        Assert.False(WebhookSignature.IsValid(Secret, GitHubHarnessBytes(Payload), header));

    [Fact]
    public void IsValid_RightSignatureWithAnotherSecret_ReturnsFalse() =>
        Assert.False(WebhookSignature.IsValid("another secret", GitHubHarnessBytes(Payload), Expected));

    private static byte[] GitHubHarnessBytes(string text) => Harness.GitHubHarness.Utf8(text);
}
