using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A repository file (<c>items?path=</c>), on the default branch or at a commit, with its content on request.</summary>
public sealed partial class FakeAzureDevOps
{
    private void MapItems() =>
        MapApi(HttpMethod.Get, "git/repositories/{repositoryId}/items", r =>
        {
            if (FindRepository(r.Route("repositoryId")) is not { } repository)
            {
                return Error(HttpStatusCode.NotFound, $"TF401019: The Git repository with name or identifier {r.Route("repositoryId")} does not exist or you do not have permissions for the operation you are attempting.");
            }

            var path = r.QueryValue("path") ?? "";
            var files = r.QueryValue("versionDescriptor.versionType") == "commit"
                ? repository.Commits.GetValueOrDefault(r.QueryValue("versionDescriptor.version") ?? "") ?? []
                : repository.Files;
            if (!files.TryGetValue(path, out var text))
            {
                return Error(HttpStatusCode.NotFound, $"TF401174: The item '{path}' could not be found in the repository '{repository.Name}' at the version specified by '<Default branch>'.");
            }

            var item = new JsonObject
            {
                ["objectId"] = FakeAzureDevOpsJson.ObjectId(text),
                ["gitObjectType"] = "blob",
                ["commitId"] = FakeAzureDevOpsJson.ObjectId("commit " + text),
                ["path"] = path,
                ["isFolder"] = false,
                ["url"] = $"{Api}{ProjectId}/_apis/git/repositories/{repository.Id}/items?path={Uri.EscapeDataString(path)}",
            };
            if (r.QueryValue("includeContent") == "true")
            {
                item["content"] = text;
            }

            return FakeResponse.Json(item);
        });
}
