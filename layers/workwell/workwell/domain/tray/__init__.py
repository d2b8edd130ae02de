"""The service tray: services, their scope and orders."""
