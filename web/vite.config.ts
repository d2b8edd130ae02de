import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// `npm run dev` talks to a running `make run` stack (one origin, as on AWS).
const stack = process.env.WORKWELL_STACK_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    // No source maps in what is served: they would only help someone reading our code.
    sourcemap: false,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      "/api": stack,
      "/_local": stack,
      "/app-config.json": stack,
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
  },
});
