using Jbk.Gateway;

return await GatewayHost.RunAsync(args);
