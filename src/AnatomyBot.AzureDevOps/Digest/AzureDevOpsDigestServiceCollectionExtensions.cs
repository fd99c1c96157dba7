using System.Net.Http.Headers;
using System.Text;
using AnatomyBot.Core.Digest;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.AzureDevOps.Digest;

public static class AzureDevOpsDigestServiceCollectionExtensions
{
    /// <summary>Adds the Azure DevOps wiki digest sink as an <see cref="IDigestSink"/>, over a named
    /// <see cref="HttpClient"/> (<see cref="AzureDevOpsWikiDigestSink.HttpClientName"/>) based at the organisation URL.</summary>
    public static IServiceCollection AddAzureDevOpsWikiDigestSink(this IServiceCollection services, AzureDevOpsWikiDigestSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new AzureDevOpsWikiDigestSinkOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new InvalidOperationException($"{AzureDevOpsWikiDigestSinkOptions.SectionName}: " + string.Join(" ", validation.Failures ?? []));
        }

        services.AddHttpClient(AzureDevOpsWikiDigestSink.HttpClientName, client =>
        {
            var url = options.OrganizationUrl.AbsoluteUri;
            client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (!string.IsNullOrEmpty(options.Pat))
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(":" + options.Pat)));
            }
        });
        services.AddSingleton<IDigestSink>(sp => new AzureDevOpsWikiDigestSink(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(AzureDevOpsWikiDigestSink.HttpClientName), options));
        return services;
    }
}
