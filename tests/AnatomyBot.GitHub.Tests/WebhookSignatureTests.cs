using AnatomyBot.GitHub.Ingress;

namespace AnatomyBot.GitHub.Tests;

public sealed class WebhookSignatureTests
{
    // GitHub's documented test vector ("Validating webhook deliveries").
    private const string Secret = "It's a Secret to Everybody";
    private const string Payload = "Hello, World!";
    private const string Expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    [Fact]
    public void Compute_matches_GitHubs_documented_test_vector() =>
        Assert.Equal(Expected, WebhookSignature.Compute(Secret, GitHubHarnessBytes(Payload)));

    [Fact]
    public void IsValid_accepts_the_documented_signature() =>
        Assert.True(WebhookSignature.IsValid(Secret, GitHubHarnessBytes(Payload), Expected));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    public void IsValid_rejects_wrong_missing_or_malformed_signatures(string? header) =>
        Assert.False(WebhookSignature.IsValid(Secret, GitHubHarnessBytes(Payload), header));

    [Fact]
    public void IsValid_rejects_the_right_signature_with_another_secret() =>
        Assert.False(WebhookSignature.IsValid("another secret", GitHubHarnessBytes(Payload), Expected));

    private static byte[] GitHubHarnessBytes(string text) => Harness.GitHubHarness.Utf8(text);
}
