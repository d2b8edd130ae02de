import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { clearDrafts } from "../../session/drafts";
import type { Me } from "../../session/SessionProvider";
import { answer, errorBody, stubApi } from "../cases/testSupport";
import { person } from "../tray/ordering/testSupport";
import { surveyRoutes } from "./routes";
import { AGGREGATES, historyItem, RECOMMENDATION, result, SURVEY } from "./testSupport";

let me: Me = person();
vi.mock("../../session/SessionProvider", async (original) => ({
  ...(await original<typeof import("../../session/SessionProvider")>()),
  useSession: () => ({ me }),
}));

type Call = [string, { params?: { header?: Record<string, string> }; body?: Record<string, unknown> }];

function renderSurvey(path: string) {
  const router = createMemoryRouter([...surveyRoutes.signedIn, { path: "*", element: <p>elsewhere</p> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

beforeEach(async () => {
  clearDrafts();
  await i18n.changeLanguage("en");
});
afterEach(() => {
  vi.restoreAllMocks();
  me = person();
});

const startSurvey = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(await screen.findByRole("button", { name: "Start the survey" }));
  await screen.findByRole("heading", { level: 1, name: "WHO-5 Well-Being Index" });
};

/** Answers every question on the step shown with its first option and continues. */
const answerStep = async (user: ReturnType<typeof userEvent.setup>) => {
  for (const group of screen.getAllByRole("group")) {
    const radios = within(group).getAllByRole("radio");
    if (!radios.some((radio) => (radio as HTMLInputElement).checked)) await user.click(radios[radios.length - 1]!);
  }
  await user.click(screen.getByRole("button", { name: "Continue" }));
};

describe("taking the survey", () => {
  it("checks each step: the error summary names every unanswered question, links to it, and takes focus on each failed try", async () => {
    const user = userEvent.setup();
    stubApi({ GET: { "/survey": () => answer(200, SURVEY) } });
    const router = renderSurvey("/survey");
    await startSurvey(user);
    expect(screen.getByText("Step 1 of 7")).toBeInTheDocument();
    expect(screen.getByRole("progressbar", { name: "Step 1 of 7" })).toHaveAttribute("value", "1");
    expect(screen.getByText("Source: WHO-5 © World Health Organization")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert");
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Choose an answer to question 1", "Choose an answer to question 2"]);
    const first = screen.getByRole("group", { name: /I have felt cheerful/ });
    expect(first).toHaveAttribute("aria-invalid", "true");

    await user.click(links[1]!);
    expect(within(screen.getByRole("group", { name: /calm and relaxed/ })).getAllByRole("radio")[0]).toHaveFocus();

    await user.click(within(first).getByLabelText("All of the time"));
    expect(first).not.toHaveAttribute("aria-invalid");
    expect(within(first).getByLabelText("All of the time")).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByRole("alert")).toHaveFocus();
    expect(within(screen.getByRole("alert")).getAllByRole("link")).toHaveLength(1);
    expect(router.state.location.pathname).toBe("/survey/step/1");

    await answerStep(user);
    await waitFor(() => expect(router.state.location.pathname).toBe("/survey/step/2"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a validated instrument in English on a Finnish page, marked lang=en, and our own questions in Finnish with the note", async () => {
    await i18n.changeLanguage("fi");
    const user = userEvent.setup();
    stubApi({ GET: { "/survey": () => answer(200, SURVEY) } });
    renderSurvey("/survey");
    await user.click(await screen.findByRole("button", { name: "Aloita kysely" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "WHO-5 Well-Being Index" });
    expect(heading.querySelector('[lang="en"]')).toHaveTextContent("WHO-5 Well-Being Index");
    expect(screen.getByText("I have felt cheerful and in good spirits").closest("[lang]")).toHaveAttribute("lang", "en");
    for (let step = 1; step <= 3; step += 1) {
      for (const group of screen.getAllByRole("group")) await user.click(within(group).getAllByRole("radio")[0]!);
      await user.click(screen.getByRole("button", { name: "Jatka" }));
    }
    expect(await screen.findByRole("heading", { level: 1, name: "Osaaminen" })).not.toContainHTML('lang="en"');
    expect(screen.getByText("Omia kysymyksiämme, ei validoitu mittari.")).toBeInTheDocument();
    expect(screen.queryByText(/^Lähde:/)).not.toBeInTheDocument();
  });

  it("keeps the answers in memory only: leave, come back to /survey and continue where you left off", async () => {
    const user = userEvent.setup();
    const local = vi.spyOn(Storage.prototype, "setItem");
    stubApi({ GET: { "/survey": () => answer(200, SURVEY) } });
    const router = renderSurvey("/survey");
    await startSurvey(user);
    await answerStep(user);
    await screen.findByRole("heading", { level: 1, name: "Work Ability Score" });
    await router.navigate("/tray");
    await router.navigate("/survey");
    await user.click(await screen.findByRole("link", { name: "Continue where you left off" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Work Ability Score" })).toBeInTheDocument();
    await user.click(screen.getByRole("link", { name: "Back" }));
    const first = await screen.findByRole("group", { name: /I have felt cheerful/ });
    expect(within(first).getByLabelText("All of the time")).toBeChecked();
    expect(local).not.toHaveBeenCalled();
    expect(router.state.location.pathname + router.state.location.search).toBe("/survey/step/1");
  });

  it("shows the way to the confidential report form as soon as someone answers yes to the screening question, and sends nothing", async () => {
    const user = userEvent.setup();
    const { post } = stubApi({ GET: { "/survey": () => answer(200, SURVEY) } });
    renderSurvey("/survey");
    await startSurvey(user);
    for (let step = 1; step <= 5; step += 1) await answerStep(user);
    await screen.findByRole("heading", { level: 1, name: "Harassment and inappropriate treatment" });
    expect(screen.getByText("Step 6 of 7")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Make an anonymous report" })).not.toBeInTheDocument();
    await user.click(screen.getByLabelText("Yes"));
    const bridge = screen.getByRole("region", { name: "You can tell about it confidentially" });
    expect(within(bridge).getByRole("link", { name: "Make a confidential report in your own name" })).toHaveAttribute("href", "/report");
    expect(within(bridge).getByRole("link", { name: "Make an anonymous report" })).toHaveAttribute("href", "/vaala/report");
    expect(bridge).toHaveTextContent("only by the occupational safety staff your organisation has named");
    expect(post).not.toHaveBeenCalled();
  });
});

describe("checking and sending", () => {
  async function reachCheck(user: ReturnType<typeof userEvent.setup>) {
    await startSurvey(user);
    for (let step = 1; step <= 5; step += 1) await answerStep(user);
    await screen.findByRole("heading", { level: 1, name: "Harassment and inappropriate treatment" });
    await user.click(screen.getByLabelText("Yes"));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: "Check your answers" });
  }

  it("lists every answer with a Change link, sends once with an Idempotency-Key kept on a retry, then shows the results", async () => {
    const user = userEvent.setup();
    let tries = 0;
    const { post } = stubApi({
      GET: {
        "/survey": () => answer(200, SURVEY),
        "/survey/responses/mine": () => answer(200, { items: [result(), historyItem("r1", "2026-09-01T08:00:00Z", 60)], nextCursor: null }),
      },
      POST: {
        "/survey/responses": () => {
          tries += 1;
          return tries === 1 ? answer(503, errorBody("unavailable")) : answer(201, result({ screeningYes: true }));
        },
      },
    });
    const router = renderSurvey("/survey");
    await reachCheck(user);
    expect(screen.getByText("Step 7 of 7")).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: /^Change/ })).toHaveLength(7);
    await user.click(screen.getByRole("button", { name: "Send my answers" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Send my answers" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/survey/results"));

    const calls = post.mock.calls as unknown as Call[];
    expect(calls).toHaveLength(2);
    expect(calls[0]![1].params?.header?.["Idempotency-Key"]).toMatch(/.{16,}/);
    expect(calls[1]![1].params?.header?.["Idempotency-Key"]).toBe(calls[0]![1].params?.header?.["Idempotency-Key"]);
    expect(calls[0]![1].body).toEqual({
      answers: { who5_1: 2, who5_2: 2, was_1: 2, osss3_1: 3, own_competence_1: 3, own_physical_1: 3 },
      screening: "yes",
    });

    expect(await screen.findByText("Your answers were sent.")).toBeInTheDocument();
    expect(screen.getAllByText("44 / 100")[0]).toBeInTheDocument();
    expect(screen.getByText("Down 16 since last time (was 60). This is a meaningful change.")).toBeInTheDocument();
    expect(screen.getAllByText("7 / 14")[0]).toBeInTheDocument();
    expect(screen.getAllByText("Poor")).toHaveLength(2);
    expect(screen.getByText("Contact occupational health.")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "You can tell about it confidentially" })).toBeInTheDocument();
    const service = await screen.findByRole("link", { name: "Vertaistukiryhmä" });
    expect(service).toHaveAttribute("href", `/tray/services/${RECOMMENDATION.serviceId}`);
    expect(service.querySelector('[lang="fi"]')).not.toBeNull();
    expect(screen.getByText("Your social support score was 7 of 14 (poor).")).toBeInTheDocument();
    expect(screen.getByText("Vaalan kunnantalo")).toBeInTheDocument();
  });

  it("turns the API's field errors into links to the answers concerned", async () => {
    const user = userEvent.setup();
    stubApi({
      GET: { "/survey": () => answer(200, SURVEY) },
      POST: { "/survey/responses": () => answer(422, errorBody("validation_error", [{ loc: ["body", "answers", "was_1"], msg: "out of range" }])) },
    });
    renderSurvey("/survey");
    await reachCheck(user);
    await user.click(screen.getByRole("button", { name: "Send my answers" }));
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(summary).toHaveFocus());
    await user.click(within(summary).getByRole("link", { name: "Step 2: choose an answer to question 1" }));
    expect(screen.getByRole("link", { name: "Change step 2, question 1" })).toHaveFocus();
  });
});

describe("results from history", () => {
  it("shows the latest answer, a chart with a text alternative and a table of every answer", async () => {
    stubApi({
      GET: {
        "/survey": () => answer(200, SURVEY),
        "/survey/responses/mine": () =>
          answer(200, { items: [historyItem("r2", "2026-12-01T08:00:00Z", 72), historyItem("r1", "2026-09-01T08:00:00Z", 48)], nextCursor: null }),
        "/recommendations": () => answer(200, { basedOn: { responseId: "r2", submittedAt: "2026-12-01T08:00:00Z" }, items: [] }),
      },
    });
    renderSurvey("/survey/results");
    expect(await screen.findByText("Good")).toBeInTheDocument();
    expect(screen.getAllByText("72 / 100")).toHaveLength(2);
    expect(screen.getByRole("img", { name: "Wellbeing, of 100: 1 Sept 2026: 48; 1 Dec 2026: 72" })).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Your scores, newest first" });
    expect(within(table).getAllByRole("row")).toHaveLength(3);
    expect(within(table).getByText("48 / 100")).toBeInTheDocument();
    expect(screen.getByText("No service of the tray matches your answers just now.")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "You can tell about it confidentially" })).not.toBeInTheDocument();
  });

  it("invites someone who has never answered to take the survey", async () => {
    stubApi({
      GET: {
        "/survey/responses/mine": () => answer(200, { items: [], nextCursor: null }),
        "/recommendations": () => answer(200, { basedOn: null, items: [] }),
      },
    });
    renderSurvey("/survey/results");
    expect(await screen.findByText("You have not answered the survey yet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Take the wellbeing survey" })).toHaveAttribute("href", "/survey");
  });
});

describe("the coordinator's group results", () => {
  it("shows suppressed cells as a dash that says why, the note, and when the open period is published", async () => {
    me = person({
      roles: ["wellbeing_coordinator"],
      tenant: { id: "vaala", name: { fi: "Vaalan kunta" }, languages: ["fi"], employeeGroups: [{ id: "varhaiskasvatus", name: { fi: "Varhaiskasvatus" } }, { id: "tekninen", name: { fi: "Tekninen toimi", en: "Technical services" } }], tenantGroups: [] } as unknown as Me["tenant"],
    });
    stubApi({ GET: { "/wellbeing/aggregates": () => answer(200, AGGREGATES) } });
    renderSurvey("/wellbeing/aggregates");
    expect(await screen.findByText("The current period 2026-Q4 (1 Oct 2026–31 Dec 2026) is still open: its results are published after 31 Dec 2026.")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Average scores by group, period 2026-Q3" });
    const small = within(table).getByRole("row", { name: /Technical services/ });
    expect(within(small).getAllByText("–").length).toBeGreaterThan(0);
    expect(within(small).getAllByText("hidden: too few answers")[0]!.parentElement).toHaveAttribute("aria-describedby", "aggregates-2026-Q3-small");
    expect(within(table).getByRole("row", { name: /People without a group/ })).toHaveTextContent("hidden to protect a small group");
    expect(within(table).getByRole("row", { name: /Whole organisation/ })).toHaveTextContent("58.4");
    expect(screen.getByText("– Hidden: fewer than 5 people in the group answered.")).toHaveAttribute("id", "aggregates-2026-Q3-small");
    expect(screen.getByText(/cannot be worked out by subtracting/)).toHaveAttribute("id", "aggregates-2026-Q3-complementary");
    expect(within(table).getByRole("rowheader", { name: "Varhaiskasvatus" }).querySelector('[lang="fi"]')).not.toBeNull();
  });

  it("says plainly that nobody answered in a period rather than showing an empty table", async () => {
    const empty = { period: "2026-Q2", startsOn: "2026-04-01", endsOn: "2026-06-30", total: { group: null, respondents: 0, means: null, suppressed: null }, groups: [] };
    stubApi({ GET: { "/wellbeing/aggregates": () => answer(200, { ...AGGREGATES, periods: [...AGGREGATES.periods, empty] }) } });
    renderSurvey("/wellbeing/aggregates");
    expect(await screen.findByText("Nobody answered the survey in this period.")).toBeInTheDocument();
    expect(screen.getAllByRole("table")).toHaveLength(1);
  });

  it("tells others plainly that the page is not theirs", async () => {
    stubApi({ GET: { "/wellbeing/aggregates": () => answer(403, errorBody("forbidden")) } });
    renderSurvey("/wellbeing/aggregates");
    expect(await screen.findByRole("alert")).toHaveTextContent("Only the wellbeing coordinator, the HR director and the administrator");
  });
});
