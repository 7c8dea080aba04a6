using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// One AddXxx() per project, each keeping its registrations in its own DependencyInjection.cs.

builder.Build().Run();
