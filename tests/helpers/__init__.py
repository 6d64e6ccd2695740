"""What the tests share: fakes of the services and the network, sandbox and window helpers,
fixtures. Test modules import from here, never from one another."""
