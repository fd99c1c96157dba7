using AnatomyBot.Functions.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAnatomyBotFunctions(builder.Configuration);
await builder.Build().RunAsync().ConfigureAwait(false);
