import { render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import i18n from "../../i18n";
import { RefusedReadsPage } from "./RefusedReadsPage";
import { answer } from "./testSupport";

beforeAll(() => i18n.changeLanguage("en"));
afterEach(() => vi.restoreAllMocks());

it("lists refused reads per person and day; a count not told apart is a dash with a note", async () => {
  vi.spyOn(api, "GET").mockResolvedValue(
    answer(200, {
      items: [
        { userId: "kokkola-supervisor-mikko", day: "2026-12-02", notFound: 7, refused: 6 },
        { userId: "kokkola-safetyrep-liisa", day: "2026-12-01", notFound: 2, refused: null },
      ],
    }) as never,
  );
  render(<RefusedReadsPage />);
  const table = await screen.findByRole("table", { name: /Refused case reads per person and day/ });
  const mikko = within(table).getByRole("row", { name: /kokkola-supervisor-mikko/ });
  expect(within(mikko).getAllByRole("cell").map((cell) => cell.textContent)).toEqual(["2 Dec 2026", "7", "6"]);
  const liisa = within(table).getByRole("row", { name: /kokkola-safetyrep-liisa/ });
  expect(within(liisa).getAllByRole("cell")[2]).toHaveTextContent("–not told apart");
  expect(screen.getByText(/does not tell an existing case apart from a missing one/)).toBeInTheDocument();
  expect(screen.getByRole("region", { name: /Refused case reads per person and day/ })).toHaveAttribute("tabindex", "0");
});
