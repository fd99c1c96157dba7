using System.Text;

namespace AnatomyBot.Cli.Tests.Checking;

/// <summary>An Azure DevOps backlog export of stories 1…N with titles only, as UTF-8 bytes, for the pipeline's tests.</summary>
internal static class StoryBacklog
{
    public static byte[] Json(int items)
    {
        var json = new StringBuilder("[");
        for (var i = 1; i <= items; i++)
        {
            json.Append(i == 1 ? "" : ",");
            json.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":{i},\"fields\":{{\"System.WorkItemType\":\"User Story\",\"System.Title\":\"Story {i}\"}}}}");
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }
}
