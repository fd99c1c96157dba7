using System.Net.Http.Headers;
using System.Text;
using AnatomyBot.Fakes.AzureDevOps;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.Fakes.Tests.Conformance;

/// <summary>Every route of the Azure DevOps fake, each way it answers (found, missing, refused), validated against the
/// published 7.1 specification as it happens: documented query parameters, bodies that validate, answers that validate.</summary>
public sealed class AzureDevOpsAnswerConformanceTests
{
    private const string Project = "Fabrikam/_apis/";
    private const string Pr = Project + "git/repositories/Web/pullRequests/5";
    private const string ArchitectureId = "a4a4a4a4-bbbb-cccc-dddd-e5e5e5e5e5e5";

    [Fact]
    public async Task EveryRoute_EachWayItAnswers_ConformsToTheSpecification()
    {
        var validator = ExchangeValidator.ForAzureDevOps();
        Assert.SkipWhen(validator is null, "The conformance corpus is not in this checkout.");
        using var fake = Seeded();
        validator.Attach(fake);
        using var http = new HttpClient(fake, disposeHandler: false) { BaseAddress = new Uri(FakeAzureDevOps.DefaultOrganizationUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "OnBhdA==");

        await ExerciseAsync(http);

        validator.AssertConforms();
        Assert.Empty(fake.Unserved);
        var exercised = fake.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}").ToList();
        Assert.Equal(validator.Checked, exercised.Count);
        Assert.All(fake.Routes, route => Assert.Contains(exercised, r => Covers(route, r)));
    }

    [Fact]
    public async Task Validator_BodyOrQueryTheSpecificationDoesNotAllow_IsAViolation()
    {
        var validator = ExchangeValidator.ForAzureDevOps();
        Assert.SkipWhen(validator is null, "The conformance corpus is not in this checkout.");
        using var fake = Seeded();
        validator.Attach(fake);
        using var http = new HttpClient(fake, disposeHandler: false) { BaseAddress = new Uri(FakeAzureDevOps.DefaultOrganizationUrl) };

        await SendAsync(http, HttpMethod.Get, Project + "wit/workitems/1?$expand=everything&api-version=7.1", null);
        await SendAsync(http, HttpMethod.Post, Pr + "/threads?api-version=7.1", """{"comments":[{"content":"x","commentType":"comment"}],"status":"open"}""");

        var violations = validator.Violations;
        Assert.Contains(violations, v => v.Contains("query parameter '$expand=everything' does not validate", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("request body does not validate", StringComparison.Ordinal));
    }

    private static FakeAzureDevOps Seeded()
    {
        var fake = new FakeAzureDevOps();
        fake.Add(new FakeWorkItem { Id = 1, Type = "Epic", Tags = "outcome:O-1" });
        var story = fake.Add(new FakeWorkItem { Id = 2, Parent = 1 });
        story.Comments.Add(new FakeWorkItemComment { Id = 40, Text = "<p>Taking this one.</p>", Format = "html", Author = "pat.po@contoso.example" });
        story.Comments.Add(new FakeWorkItemComment { Id = 41, Text = "Moved to the right area path", Author = "pat.po@contoso.example" });
        var pr = new FakePullRequest { Number = 5, Iterations = 2 };
        pr.WorkItemIds.Add(2);
        pr.ChangedPaths.Add("src/a.cs");
        pr.Labels.Add("anatomy:exempt");
        fake.Add(pr);
        var architecture = fake.Repository("Architecture", ArchitectureId);
        architecture.Files["/anatomy.yml"] = "version: 1\n";
        architecture.Commits["c1"] = new() { ["/anatomy.yml"] = "version: 0\n" };
        fake.Policies.Add(FakeAzureDevOps.StatusPolicy(1, "ci", "build", FakeAzureDevOps.DefaultRepositoryId));
        fake.Policies.Add(FakeAzureDevOps.StatusPolicy(2, "anatomybot", "linkage", FakeAzureDevOps.DefaultRepositoryId));
        fake.ServiceHooks.Add(new FakeServiceHook { EventType = "git.push", Url = new Uri("https://anatomybot.example/api/azure-devops/webhooks") });
        fake.ServiceHooks.Add(new FakeServiceHook { EventType = "workitem.updated", Url = new Uri("https://old.example/hooks"), Status = "disabledBySystem", HasPassword = false });
        return fake;
    }

    private static async Task ExerciseAsync(HttpClient http)
    {
        string[] gets =
        [
            Project + "wit/workitems/1?$expand=relations&api-version=7.1", Project + "wit/workitems/9?$expand=relations&api-version=7.1",
            FakeAzureDevOps.DefaultProjectId + "/_apis/wit/workItems/2?api-version=7.1", "Other/_apis/wit/workitems/1?api-version=7.1",
            Project + "wit/workitems/1?api-version=6.0",
            Project + "wit/workitemtypes/User%20Story/states?api-version=7.1", Project + "wit/workitemtypes/Nope/states?api-version=7.1",
            Project + "git/pullrequests?searchCriteria.status=active&$skip=0&$top=100&api-version=7.1",
            Project + "git/repositories/" + FakeAzureDevOps.DefaultRepositoryId + "/pullrequests/5?api-version=7.1", Project + "git/repositories/Web/pullrequests/6?api-version=7.1",
            Pr + "/workitems?api-version=7.1", Pr + "/iterations?api-version=7.1",
            Pr + "/iterations/2/changes?$top=100&$skip=0&api-version=7.1", Pr + "/iterations/3/changes?api-version=7.1",
            Pr + "/threads?api-version=7.1", Pr + "/iterations/2/statuses?api-version=7.1",
            Project + "git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1",
            Project + "git/repositories/" + ArchitectureId + "/items?path=%2Fanatomy.yml&versionDescriptor.version=c1&versionDescriptor.versionType=commit&api-version=7.1",
            Project + "git/repositories/Architecture/items?path=%2Fmissing.yml&api-version=7.1", Project + "git/repositories/Nope/items?path=%2Fa&api-version=7.1",
            Project + "git/repositories?api-version=7.1",
            Project + "git/policy/configurations?policyType=" + FakeAzureDevOps.StatusPolicyType + "&$top=1&api-version=7.1",
            Project + "git/policy/configurations?policyType=" + FakeAzureDevOps.StatusPolicyType + "&$top=1&continuationToken=2&api-version=7.1",
            "_apis/hooks/subscriptions?publisherId=tfs&consumerId=webHooks&consumerActionId=httpRequest&api-version=7.1",
            "_apis/hooks/subscriptions?eventType=git.push&api-version=7.1",
        ];
        foreach (var get in gets)
        {
            await SendAsync(http, HttpMethod.Get, get, null);
        }

        await SendAsync(http, HttpMethod.Post, Project + "wit/workitemsbatch?api-version=7.1", """{"ids":[1,2,3],"$expand":"relations","errorPolicy":"omit"}""");
        await SendAsync(http, HttpMethod.Post, Project + "wit/workitemsbatch?api-version=7.1", $$"""{"ids":[{{string.Join(",", Enumerable.Range(1, 201))}}]}""");
        await SendAsync(http, HttpMethod.Post, Project + "wit/wiql?$top=1000&api-version=7.1", """{"query":"SELECT [System.Id] FROM WorkItems WHERE [System.Id] > 0 ORDER BY [System.Id]"}""");
        await SendAsync(http, HttpMethod.Patch, Project + "wit/workitems/1?api-version=7.1", """[{"op":"test","path":"/rev","value":1},{"op":"add","path":"/fields/System.Tags","value":"outcome:O-1; anatomy:no-stage"}]""", "application/json-patch+json");
        await SendAsync(http, HttpMethod.Patch, Project + "wit/workitems/1?api-version=7.1", """[{"op":"test","path":"/rev","value":1},{"op":"add","path":"/fields/System.Tags","value":"x"}]""", "application/json-patch+json");
        await SendAsync(http, HttpMethod.Post, Pr + "/threads?api-version=7.1", """{"comments":[{"parentCommentId":0,"content":"<!-- anatomybot:trace -->","commentType":"text"}],"status":"active"}""");
        await SendAsync(http, HttpMethod.Get, Pr + "/threads/101?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Get, Pr + "/threads/999?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Patch, Pr + "/threads/101?api-version=7.1", """{"status":"fixed"}""");
        await SendAsync(http, HttpMethod.Post, Pr + "/threads/101/comments?api-version=7.1", """{"parentCommentId":1,"content":"<!-- anatomybot:reply -->","commentType":"text"}""");
        await SendAsync(http, HttpMethod.Post, Pr + "/threads/999/comments?api-version=7.1", """{"parentCommentId":1,"content":"x","commentType":"text"}""");
        await SendAsync(http, HttpMethod.Patch, Pr + "/threads/101/comments/1?api-version=7.1", """{"content":"edited"}""");
        await SendAsync(http, HttpMethod.Delete, Pr + "/threads/101/comments/1?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Delete, Pr + "/threads/101/comments/1?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Post, Pr + "/iterations/2/statuses?api-version=7.1", """{"state":"failed","description":"1 gap","context":{"genre":"anatomybot","name":"linkage"}}""");
        await ExerciseCommentsAsync(http);
    }

    private static async Task ExerciseCommentsAsync(HttpClient http)
    {
        const string Comments = Project + "wit/workItems/2/comments";
        using (var created = await http.PostAsync(new Uri(Comments + "?format=markdown&api-version=7.1-preview.4", UriKind.Relative), new StringContent("""{"text":"<!-- anatomybot:trace -->\n### Anatomy"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, created.StatusCode);
            Assert.Equal(103, (int)System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!);
        }

        await SendAsync(http, HttpMethod.Post, Comments + "?format=markdown&api-version=7.1-preview.4", """{"text":""}""");
        await SendAsync(http, HttpMethod.Get, Comments + "/103?api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Get, Comments + "/999?api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Get, Project + "wit/workItems/2/revisions/2?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Get, Project + "wit/workItems/2/revisions/1?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Get, Project + "wit/workItems/2/revisions/9?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Get, Project + "wit/workItems/9/revisions/1?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Post, Project + "wit/workItems/9/comments?format=html&api-version=7.1-preview.4", """{"text":"<p>x</p>"}""");
        await SendAsync(http, HttpMethod.Get, Comments + "?$top=2&order=asc&api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Get, Comments + "?$top=2&order=asc&continuationToken=103&includeDeleted=false&api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Get, Comments + "?$top=2&continuationToken=nope&api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Get, Comments + "?api-version=7.1", null);
        await SendAsync(http, HttpMethod.Get, Project + "wit/workItems/9/comments?api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Patch, Comments + "/103?format=markdown&api-version=7.1-preview.4", """{"text":"<!-- anatomybot:trace -->\n### ✅ Anatomy: all links in place"}""");
        await SendAsync(http, HttpMethod.Patch, Comments + "/999?format=markdown&api-version=7.1-preview.4", """{"text":"x"}""");
        await SendAsync(http, HttpMethod.Delete, Comments + "/103?api-version=7.1-preview.4", null);
        await SendAsync(http, HttpMethod.Delete, Comments + "/103?api-version=7.1-preview.4", null);
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, string? body, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, mediaType) };
        using var response = await http.SendAsync(request);
    }

    private static bool Covers(FakeRoute route, string request) =>
        request.StartsWith(route.Method.Method + " ", StringComparison.Ordinal)
        && route.Template.TryMatch(request[(route.Method.Method.Length + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries), out _);
}
