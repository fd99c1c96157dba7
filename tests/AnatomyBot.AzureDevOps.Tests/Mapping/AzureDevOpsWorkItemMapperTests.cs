using System.Text;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Mapping;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Tests.Mapping;

public sealed class AzureDevOpsWorkItemMapperTests
{
    private const string Story = """
        {
          "id": 1042,
          "rev": 7,
          "fields": {
            "System.Id": 1042,
            "System.AreaPath": "Contoso\\Onboarding\\Team A",
            "System.TeamProject": "Contoso",
            "System.WorkItemType": "User Story",
            "System.State": "Active",
            "System.CreatedBy": { "displayName": "Ana Silva", "uniqueName": "ana@contoso.com", "id": "8c1f" },
            "System.Title": "Verify identity with the new provider",
            "System.Description": "<div>Stage: S-APPLY</div><div>Component: C-KYC-SERVICE</div>",
            "System.Tags": "outcome:O-FASTER-ONBOARDING; team-a;kyc",
            "System.Parent": 1001,
            "Microsoft.VSTS.Common.Priority": 2,
            "Custom.StrategicOutcome": "O-FASTER-ONBOARDING"
          },
          "relations": [
            { "rel": "System.LinkTypes.Related", "url": "https://dev.azure.com/contoso/_apis/wit/workItems/77", "attributes": { "isLocked": false, "name": "Related" } },
            { "rel": "System.LinkTypes.Hierarchy-Reverse", "url": "https://dev.azure.com/contoso/_apis/wit/workItems/1001", "attributes": { "isLocked": false, "name": "Parent" } }
          ],
          "_links": { "html": { "href": "https://dev.azure.com/contoso/Contoso/_workitems/edit/1042" } },
          "url": "https://dev.azure.com/contoso/_apis/wit/workItems/1042"
        }
        """;

    [Fact]
    public void Map_RestWorkItem_AllFields()
    {
        var result = AzureDevOpsWorkItemMapper.Map(Parse(Story));

        var item = Assert.IsType<WorkItem>(result.Item);
        Assert.Equal("1042", item.Id);
        Assert.Equal(ItemSource.AzureDevOps, item.Source);
        Assert.Equal(ItemKind.Story, item.Kind);
        Assert.Equal("Verify identity with the new provider", item.Title);
        Assert.Equal(BodyFormat.Html, item.BodyFormat);
        Assert.StartsWith("<div>Stage: S-APPLY", item.Body, StringComparison.Ordinal);
        Assert.Equal(["outcome:O-FASTER-ONBOARDING", "team-a", "kyc"], item.Labels);
        Assert.Equal("1001", item.ParentId);
        Assert.Equal("ana@contoso.com", item.Author);
        Assert.Equal(@"Contoso\Onboarding\Team A", item.Scope);
        Assert.Equal("https://dev.azure.com/contoso/Contoso/_workitems/edit/1042", item.Url);
        Assert.True(item.IsOpen);
        Assert.Equal("O-FASTER-ONBOARDING", item.Fields["custom.strategicoutcome"]);
        Assert.Equal("2", item.Fields["Microsoft.VSTS.Common.Priority"]);
        Assert.False(item.Fields.ContainsKey("System.Title"));
        Assert.Empty(item.Diagnostics);
    }

    [Theory]
    [InlineData(Story)]
    [InlineData("""{"id":7,"fields":{"System.WorkItemType":"Epic","System.State":"Closed","System.Title":"Old","System.Parent":3,"System.CreatedBy":"Ana <ana@contoso.com>"}}""")]
    [InlineData("""{"id":8,"fields":{"System.WorkItemType":"Bug","System.Title":42,"System.Tags":"a;;b"}}""")]
    public void ItemReader_TryRead_FillsTheDraftAsMapFillsTheItem_OverTheItemReadBefore(string json)
    {
        var keep = new[] { "Custom.StrategicOutcome" };
        var item = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(json), keep).Item!;
        var reader = new AzureDevOpsItemReader(keep);
        Assert.True(reader.TryRead("""{"id":1,"fields":{"System.Title":"stale","System.Description":"<p>stale and longer</p>","System.Tags":"stale"}}"""u8, out _));
        var draft = reader.Draft;
        draft.LinkedItemIds = ["stale"];
        draft.ChangedPaths = ["stale"];

        Assert.True(reader.TryRead(Encoding.UTF8.GetBytes(json), out _));

        Assert.Equal(
            (item.Id, item.Source, item.Kind, item.Title, item.BodyFormat, item.ParentId, item.Author, item.Scope, item.IsOpen),
            (draft.Id, draft.Source, draft.Kind, draft.Title, draft.BodyFormat, draft.ParentId, draft.Author, draft.Scope, draft.IsOpen));
        Assert.Equal(item.Labels, draft.Labels);
        Assert.Equal(item.Fields, draft.Fields);
        Assert.Equal(item.Diagnostics, draft.Diagnostics);
        Assert.Empty(draft.LinkedItemIds);
        Assert.Empty(draft.ChangedPaths);
        Assert.Equal(item.Body, reader.Body.ToString());
    }

    /// <summary>The platforms write no comments, so items are read without looking for any first; one that has them is
    /// read again, tolerantly.</summary>
    [Fact]
    public void Map_CommentsInTheItem_AreSkipped()
    {
        const string Json = """
            /* exported by hand */ {"id": 5, // the id
              "fields": {"System.WorkItemType": "Epic", /* type */ "System.Title": "Commented"}}
            """;

        var item = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Json)).Item;

        Assert.Equal(("5", ItemKind.Epic, "Commented"), (item!.Id, item.Kind, item.Title));
        Assert.Empty(item.Diagnostics);
    }

    [Fact]
    public void ItemReader_TryRead_WithoutFields_IsTheFailureMapGives()
    {
        const string Json = """{"id":9}""";

        Assert.False(new AzureDevOpsItemReader(null).TryRead(Encoding.UTF8.GetBytes(Json), out var failure));

        Assert.Equal(AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Json)), failure);
        Assert.Equal("9", failure.Id);
    }

    [Fact]
    public void Map_KeepFields_OnlyThoseNamed()
    {
        var item = AzureDevOpsWorkItemMapper.Map(Parse(Story), ["Custom.StrategicOutcome", "Custom.Missing"]).Item!;

        Assert.Equal(["Custom.StrategicOutcome"], item.Fields.Keys);
    }

    [Theory]
    [InlineData("Epic", ItemKind.Epic)]
    [InlineData("Feature", ItemKind.Feature)]
    [InlineData("User Story", ItemKind.Story)]
    [InlineData("Product Backlog Item", ItemKind.Story)]
    [InlineData("requirement", ItemKind.Story)]
    [InlineData("Bug", ItemKind.Other)]
    [InlineData("Task", ItemKind.Other)]
    [InlineData("Impediment", ItemKind.Other)]
    [InlineData("Test Case", ItemKind.Other)]
    [InlineData(" feature ", ItemKind.Feature)]
    [InlineData("USER STORY", ItemKind.Story)]
    [InlineData("Product backlog item", ItemKind.Story)]
    [InlineData("Epics", ItemKind.Other)]
    [InlineData("", ItemKind.Other)]
    [InlineData(null, ItemKind.Other)]
    public void KindOf_WorkItemTypes(string? type, ItemKind kind) => Assert.Equal(kind, AzureDevOpsWorkItemMapper.KindOf(type));

    [Fact]
    public void Map_ParentFromSystemParentWhenNoRelations_ClosedState()
    {
        var json = """{"id":5,"fields":{"System.WorkItemType":"Feature","System.Title":"F","System.State":"Closed","System.Parent":4}}""";

        var item = AzureDevOpsWorkItemMapper.Map(Parse(json)).Item!;

        Assert.Equal("4", item.ParentId);
        Assert.False(item.IsOpen);
        Assert.Equal("", item.Body);
        Assert.Empty(item.Labels);
    }

    [Fact]
    public void Map_WithoutFields_IsAFailureNamingTheId()
    {
        var result = AzureDevOpsWorkItemMapper.Map(Parse("""{"id":9,"rev":1}"""));

        Assert.False(result.IsSuccess);
        Assert.Equal("9", result.Id);
        Assert.Contains("`fields`", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"fields":{}}""")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void Map_NotAWorkItem_IsAFailure(string json) => Assert.False(AzureDevOpsWorkItemMapper.Map(Parse(json)).IsSuccess);

    [Fact]
    public void Map_HugeTitle_IsCutWithADiagnostic()
    {
        var json = $$$"""{"id":3,"fields":{"System.WorkItemType":"Epic","System.Title":"{{{new string('t', 1_048_576)}}}"}}""";

        var item = AzureDevOpsWorkItemMapper.Map(Parse(json)).Item!;

        Assert.Equal(1025, item.Title.Length);
        Assert.Contains("1,048,576", Assert.Single(item.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_InvalidUtf8Description_IsADiagnostic()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":3,"fields":{"System.WorkItemType":"Epic","System.Title":"ok","System.Description":"bad XX here"}}""");
        var at = Encoding.UTF8.GetString(bytes).IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        WorkItemMapResult result;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            result = AzureDevOpsWorkItemMapper.Map(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            // The reader itself may reject the bytes: then the file-level error is the contract, also fine.
            return;
        }

        Assert.Equal("", result.Item!.Body);
        Assert.Contains("System.Description", Assert.Single(result.Item.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_InvalidUtf8State_IsADiagnosticAlsoWhenTheSameBytesCameBefore()
    {
        // Short values go through the per-thread cache of repeated values: an invalid one must still be reported, each time.
        var bytes = Encoding.UTF8.GetBytes("""{"id":4,"fields":{"System.WorkItemType":"Epic","System.Title":"t","System.State":"XX"}}""");
        var at = Encoding.UTF8.GetString(bytes).IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        for (var i = 0; i < 2; i++)
        {
            var item = AzureDevOpsWorkItemMapper.Map(bytes).Item!;
            Assert.Null(item.State);
            Assert.Contains("System.State", Assert.Single(item.Diagnostics), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ItemReader_Map_ItemAfterItem_RepeatedValuesAreOneString_AndNothingCarriesOver()
    {
        var reader = new AzureDevOpsItemReader(["Custom.StrategicOutcome"]);
        var first = reader.Map(Encoding.UTF8.GetBytes(Story)).Item!;
        var second = reader.Map(Encoding.UTF8.GetBytes(Story.Replace("1042", "1043", StringComparison.Ordinal))).Item!;
        var bare = reader.Map(Encoding.UTF8.GetBytes("""{"id":5,"fields":{"System.Title":"bare"}}""")).Item!;

        Assert.Same(first.State, second.State);
        Assert.Same(first.Scope, second.Scope);
        Assert.Same(first.Author, second.Author);
        Assert.Equal("O-FASTER-ONBOARDING", first.Fields["Custom.StrategicOutcome"]);
        Assert.Equal("O-FASTER-ONBOARDING", second.Fields["Custom.StrategicOutcome"]);
        Assert.Equal(
            (null, null, null, null, null, ItemKind.Other),
            (bare.State, bare.Scope, bare.Author, bare.ParentId, bare.Url, bare.Kind));
        Assert.Empty(bare.Fields);
        Assert.Empty(bare.Labels);
        Assert.Empty(bare.Diagnostics);
    }

    [Theory]
    [InlineData("\"https://dev.azure.com/contoso/_apis/wit/workItems/1001\"", "1001")]
    [InlineData("\"https://dev.azure.com/contoso/_apis/wit/workItems/1001//\"", "1001")]
    [InlineData("\"https:\\/\\/dev.azure.com\\/contoso\\/_apis\\/wit\\/workItems\\/0042\"", "0042")]
    [InlineData("\"https://dev.azure.com/contoso/_apis/wit/workItems/\\u0031\\u0032\"", "12")]
    [InlineData("77", "77")]
    [InlineData("\"https://dev.azure.com/contoso/_apis/wit/workItems/12a\"", null)]
    [InlineData("\"https://dev.azure.com/contoso/_apis/wit/workItems/-12\"", null)]
    [InlineData("\"https://dev.azure.com/contoso/_apis/wit/workItems/99999999999999999999\"", null)]
    [InlineData("{\"href\":\"x/5\"}", null)]
    [InlineData("null", null)]
    public void Map_ParentRelationUrl_TrailingNumberAsWritten(string url, string? parent)
    {
        var json = $$$"""
            {"id":9,"fields":{"System.Title":"t"},"relations":[
              {"rel":"System.LinkTypes.Hierarchy-Forward","url":"https://dev.azure.com/contoso/_apis/wit/workItems/5"},
              {"url":{{{url}}},"rel":"system.linktypes.hierarchy-reverse","attributes":{"name":"Parent"}}]}
            """;

        Assert.Equal(parent, AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(json)).Item!.ParentId);
        Assert.Equal(parent, AzureDevOpsWorkItemMapper.Map(Parse(json)).Item!.ParentId);
    }

    [Fact]
    public void Map_WithoutUrl_LeavesOnlyTheUrlOut()
    {
        var with = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Story)).Item!;
        var without = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Story), withUrl: false).Item!;

        Assert.Equal("https://dev.azure.com/contoso/Contoso/_workitems/edit/1042", with.Url);
        Assert.Null(without.Url);
        Assert.Equal(with with { Url = null, Labels = without.Labels, Fields = without.Fields, Diagnostics = without.Diagnostics }, without);
        Assert.Equal(with.Labels, without.Labels);
    }

    [Fact]
    public void Map_BytesAndElement_GiveTheSameItem()
    {
        var fromBytes = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Story)).Item!;
        var fromElement = AzureDevOpsWorkItemMapper.Map(Parse(Story)).Item!;

        Assert.Equal(
            (fromElement.Id, fromElement.Kind, fromElement.Title, fromElement.Body, fromElement.ParentId, fromElement.Author, fromElement.Scope, fromElement.Url, fromElement.State, fromElement.IsOpen),
            (fromBytes.Id, fromBytes.Kind, fromBytes.Title, fromBytes.Body, fromBytes.ParentId, fromBytes.Author, fromBytes.Scope, fromBytes.Url, fromBytes.State, fromBytes.IsOpen));
        Assert.Equal(fromElement.Labels, fromBytes.Labels);
        Assert.Equal(fromElement.Diagnostics, fromBytes.Diagnostics);
        Assert.Equal(fromElement.Fields.OrderBy(f => f.Key), fromBytes.Fields.OrderBy(f => f.Key));
    }

    [Fact]
    public void Map_DuplicateProperties_LastOneWins()
    {
        const string Json = """
            {"id":1,"id":2,
             "fields":{"System.Title":"old","System.WorkItemType":"Epic"},
             "fields":{"System.Title":"first","System.Title":"new","System.WorkItemType":"Feature","System.CreatedBy":{"uniqueName":"a@x"},"System.CreatedBy":"Bo <bo@x>"}}
            """;

        var item = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Json)).Item!;

        Assert.Equal("2", item.Id);
        Assert.Equal("new", item.Title);
        Assert.Equal(ItemKind.Feature, item.Kind);
        Assert.Equal("Bo <bo@x>", item.Author);
    }

    [Fact]
    public void Map_FirstParentRelationWins_AndAParentRelationWithoutNumberFallsBackToSystemParent()
    {
        const string Relations = """
            {"id":5,"fields":{"System.Title":"t","System.Parent":44},"relations":[
              "not a relation",
              {"rel":"system.linktypes.hierarchy-reverse","url":"https://dev.azure.com/c/_apis/wit/workItems/12"},
              {"rel":"System.LinkTypes.Hierarchy-Reverse","url":"https://dev.azure.com/c/_apis/wit/workItems/13"}]}
            """;
        const string NoNumber = """
            {"id":5,"fields":{"System.Title":"t","System.Parent":44},"relations":[{"rel":"System.LinkTypes.Hierarchy-Reverse","url":"https://x/none"}]}
            """;

        Assert.Equal("12", AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(Relations)).Item!.ParentId);
        Assert.Equal("44", AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(NoNumber)).Item!.ParentId);
    }

    [Theory]
    [InlineData("""{"id":1,"fields":{"System.Title":"t"},"_links":{"html":{"href":"https://h"}},"url":"https://u"}""", "https://h")]
    [InlineData("""{"id":1,"fields":{"System.Title":"t"},"_links":{"html":{"other":1}},"url":"https://u"}""", null)]
    [InlineData("""{"id":1,"fields":{"System.Title":"t"},"_links":{"html":"text"},"url":"https://u"}""", "https://u")]
    [InlineData("""{"id":1,"fields":{"System.Title":"t"},"url":"https://u"}""", "https://u")]
    [InlineData("""{"id":101,"fields":{"System.Title":"t","System.AreaPath":"Contoso\\Onboarding"},"url":"https://dev.azure.com/contoso/_apis/wit/workItems/101"}""",
        "https://dev.azure.com/contoso/Contoso/_workitems/edit/101")]
    [InlineData("""{"id":101,"fields":{"System.Title":"t"},"url":"https://dev.azure.com/contoso/_apis/wit/workItems/101"}""",
        "https://dev.azure.com/contoso/_workitems/edit/101")]
    [InlineData("""{"id":7,"fields":{"System.Title":"t","System.AreaPath":"My Project"},"url":"https://dev.azure.com/contoso/My%20Project/_apis/wit/workItems/7"}""",
        "https://dev.azure.com/contoso/My%20Project/_workitems/edit/7")]
    [InlineData("""{"id":8,"fields":{"System.Title":"t","System.AreaPath":"Shop"},"url":"https://dev.azure.com/contoso/_apis/wit/workItems/8?api-version=7.1"}""",
        "https://dev.azure.com/contoso/Shop/_workitems/edit/8")]
    public void Map_Url_IsTheHtmlLinkWhenThereIsOneElseTheWebPageOfTheRestUrl(string json, string? url) =>
        Assert.Equal(url, AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(json)).Item!.Url);

    [Theory]
    [InlineData("""{"id":1,"fields":{"System.Title":"t","Custom.Ref":["x"]}}""", null)]
    [InlineData("""{"id":1,"fields":{"System.Title":"t","Custom.Ref":7}}""", "7")]
    [InlineData("""{"id":1,"fields":{"System.Title":"t","Custom.Ref":true}}""", "true")]
    [InlineData("""{"id":1,"fields":{"System.Title":"t","custom.ref":"C-1"}}""", null)]
    public void Map_KeptField_IsTextOrAbsent(string json, string? value)
    {
        var item = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(json), ["Custom.Ref"]).Item!;

        Assert.Equal(value, item.Fields.GetValueOrDefault("Custom.Ref"));
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"id\":", "not valid JSON")]
    [InlineData("[1]", "found array")]
    [InlineData("null", "found null")]
    public void Map_BytesThatAreNotAWorkItem_AreAFailureNotAnException(string json, string expected)
    {
        var result = AzureDevOpsWorkItemMapper.Map(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_SplitAndTrimmed() => Assert.Equal(["a", "b c", "d"], AzureDevOpsWorkItemMapper.Tags(" a; b c ;;d "));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
