// The timetable screen on a 360 × 740 phone, as 에브리타임 has it: the grid fills the screen and the catalogue
// opens as a bottom sheet over it. 미리보기 draws a course on the grid above the shrunk sheet, 추가 never moves
// the page, a refusal appears beside the course tapped, and the settings have a sheet of their own.
import type { Locator, Page } from "@playwright/test";
import { test, expect, newStudent, TimetablePages } from "./fixtures";

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);
const documentSize = (page: Page) =>
  page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));

/** The minutes of a result's Tuesday time (`화 10:30–11:45`), if it has one. */
function tuesday(times: string): [number, number] | null {
  const match = /화 (\d+):(\d+)–(\d+):(\d+)/.exec(times);
  if (!match) return null;
  const [, h1, m1, h2, m2] = match.map(Number);
  return [h1 * 60 + m1, h2 * 60 + m2];
}

/** Every tap target inside `scope` that is shown is at least 44 × 44 px. */
async function tapTargetsFit(scope: Locator) {
  for (const target of await scope.locator("button, a, select, input").all()) {
    if (!(await target.isVisible())) continue;
    const box = (await target.boundingBox())!;
    const name = (await target.getAttribute("aria-label")) ?? (await target.textContent());
    expect(box.height, `height of ${name}`).toBeGreaterThanOrEqual(44);
    expect(box.width, `width of ${name}`).toBeGreaterThanOrEqual(44);
  }
}

test("the screen fits the phone, and a course is found, previewed and added from a sheet that never moves the page", async ({
  page,
  accounts,
  pageErrors,
}) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const timetable = new TimetablePages(page);
  await timetable.createFirst("이번 학기");

  // Before any search the screen is at most two screens tall: the catalogue is not on the page. The grid
  // spans the screen, and nothing overflows sideways.
  const closed = await documentSize(page);
  expect(closed.height).toBeLessThanOrEqual(1480);
  expect(closed.width).toBeLessThanOrEqual(360);
  await expect(page.getByTestId("course-item")).toHaveCount(0);
  expect((await page.getByTestId("timetable-grid").boundingBox())!.width).toBeGreaterThanOrEqual(330);
  await tapTargetsFit(page.getByRole("main"));

  // 수업 추가 opens a modal sheet named by its heading, with focus in its search field.
  const sheet = await timetable.openCourseSheet();
  await expect(sheet).toHaveAttribute("aria-modal", "true");
  await expect(sheet.getByRole("searchbox")).toBeFocused();
  expect((await documentSize(page)).width).toBeLessThanOrEqual(360);
  await tapTargetsFit(sheet);

  // One character is refused with the server's own message, under the field.
  await sheet.getByRole("searchbox").fill("자");
  await sheet.getByRole("button", { name: "검색", exact: true }).click();
  await expect(sheet.getByRole("alert")).toHaveText("검색어를 2자 이상 입력해 주세요.");
  await sheet.getByRole("searchbox").fill("");

  // Tuesday 3-credit courses; 미리보기 on the first draws it on the grid, above the shrunk sheet.
  await sheet.getByLabel("요일", { exact: true }).selectOption({ label: "화" });
  await sheet.getByLabel("학점", { exact: true }).selectOption({ label: "3학점" });
  await timetable.resultsShow("3학점", "화 ");
  const results = sheet.getByTestId("course-item");
  const first = results.first();
  const courseName = (await first.getByTestId("course-name").textContent())!.trim();
  await first.getByRole("button", { name: "미리보기" }).click();
  const ghosts = page.getByTestId("preview-block");
  await expect(ghosts.first()).toContainText(courseName);
  await expect(results.nth(1)).toBeHidden();
  const ghostsAboveSheet = async () => {
    const sheetTop = (await sheet.boundingBox())!.y;
    const boxes = await Promise.all((await ghosts.all()).map((ghost) => ghost.boundingBox()));
    return boxes.every((box) => box!.y >= 0 && box!.y + box!.height <= sheetTop);
  };
  await expect.poll(ghostsAboveSheet).toBe(true);
  expect((await documentSize(page)).width).toBeLessThanOrEqual(360);

  // 추가 says so beside the course, the block takes the ghost's place, and the page stays where it was
  // (scrolled a little, so that a page that collapsed while reloading would show as a jump).
  await page.evaluate(() => window.scrollBy(0, 80));
  const before = await scrollY(page);
  expect(before).toBeGreaterThan(0);
  await first.getByRole("button", { name: "추가", exact: true }).click();
  await expect(first.getByRole("status")).toHaveText("시간표에 추가했습니다.");
  await expect(page.getByTestId("timetable-block").first()).toContainText(courseName);
  await expect(page.getByTestId("total-credits")).toHaveText("총 3학점");
  await expect(ghosts).toHaveCount(0);
  expect(await scrollY(page)).toBe(before);
  // Block labels are 13 px at least.
  for (const label of await page.getByTestId("timetable-block").first().locator("strong, span").all()) {
    const size = await label.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(size).toBeGreaterThanOrEqual(13);
  }

  // Back to the list: a course whose Tuesday time overlaps is refused beside it, naming the added course,
  // and the page does not move.
  await first.getByRole("button", { name: "목록으로" }).click();
  await expect(results.nth(1)).toBeVisible();
  const added = tuesday((await first.getByTestId("course-times").textContent())!)!;
  let clashing: Locator | null = null;
  for (let page_ = 0; page_ < 5 && !clashing; page_ += 1) {
    const count = await results.count();
    for (let index = 1; index < count; index += 1) {
      const time = tuesday((await results.nth(index).getByTestId("course-times").textContent())!);
      if (time && time[0] < added[1] && added[0] < time[1]) {
        clashing = results.nth(index);
        break;
      }
    }
    if (!clashing) {
      await sheet.getByRole("button", { name: "더 보기" }).click();
      await expect.poll(() => results.count()).toBeGreaterThan(count);
    }
  }
  expect(clashing, "a Tuesday course at the same time").not.toBeNull();
  // Previewed, it says on the grid where it clashes.
  await clashing!.getByRole("button", { name: "미리보기" }).click();
  await expect(ghosts.filter({ hasText: "시간 겹침" }).first()).toBeVisible();
  await clashing!.getByRole("button", { name: "목록으로" }).click();
  await expect(ghosts).toHaveCount(0);
  const listTop = await scrollY(page);
  await clashing!.getByRole("button", { name: "추가", exact: true }).click();
  await expect(clashing!.getByRole("alert")).toHaveText(`'${courseName}' 수업과 시간이 겹칩니다.`);
  expect(await scrollY(page)).toBe(listTop);
  // The same course again is a duplicate, said beside it too.
  await first.getByRole("button", { name: "추가", exact: true }).click();
  await expect(first.getByRole("alert")).toHaveText("이미 시간표에 있는 수업입니다.");
  expect((await documentSize(page)).width).toBeLessThanOrEqual(360);

  // A tap on the backdrop closes the sheet, and focus is back on 수업 추가.
  await page.mouse.click(180, 12);
  await expect(sheet).toBeHidden();
  await expect(page.getByRole("button", { name: "수업 추가", exact: true })).toBeFocused();
  expect((await documentSize(page)).width).toBeLessThanOrEqual(360);
});

test("the settings sheet renames the timetable and changes who sees it, and Escape closes it", async ({
  page,
  accounts,
  pageErrors,
}) => {
  await accounts.signUp(newStudent());
  await expect(page.getByTestId("greeting")).toBeVisible();
  const timetable = new TimetablePages(page);
  await timetable.createFirst("시간표 1");
  await expect(page.getByTestId("timetable-about")).toHaveText("친구공개 · 기본 시간표");

  const settingsButton = page.getByRole("button", { name: "설정", exact: true });
  await settingsButton.click();
  const settings = timetable.sheet("시간표 설정");
  await expect(settings).toBeVisible();
  await tapTargetsFit(settings);
  expect((await documentSize(page)).width).toBeLessThanOrEqual(360);
  await expect(settings.getByText("이 학기의 기본 시간표입니다.")).toBeVisible();

  // 공개 범위: the answer is beside the choice, and the screen under the sheet follows.
  await settings.getByRole("radio", { name: "비공개" }).check();
  await expect(settings.getByRole("status")).toHaveText("공개 범위를 비공개로 바꿨습니다.");
  await expect(page.getByTestId("timetable-about")).toHaveText("비공개 · 기본 시간표");

  // 이름: saved, and the screen's heading and tab show the new name.
  await settings.getByLabel("시간표 이름").fill("월화수목금");
  await settings.getByRole("button", { name: "저장" }).click();
  await expect(settings.getByText("이름을 바꿨습니다.")).toBeVisible();

  // Escape closes it; focus goes back to 설정, and a reload keeps what was saved.
  await page.keyboard.press("Escape");
  await expect(settings).toBeHidden();
  await expect(settingsButton).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "월화수목금", level: 1 })).toBeVisible();
  await expect(page.getByTestId("timetable-about")).toHaveText("비공개 · 기본 시간표");

  // A second timetable from the sheet opens at once; making it primary moves the 기본 badge.
  await page.getByRole("button", { name: "설정", exact: true }).click();
  await settings.getByLabel("새 시간표").fill("플랜 B");
  await settings.getByRole("button", { name: "만들기" }).click();
  await expect(settings).toBeHidden();
  await expect(page.getByRole("heading", { name: "플랜 B", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "설정", exact: true }).click();
  await settings.getByRole("button", { name: "기본 시간표로 설정" }).click();
  await expect(settings.getByRole("status")).toHaveText("기본 시간표로 설정했습니다.");
  await expect(settings.getByText("이 학기의 기본 시간표입니다.")).toBeVisible();
  await settings.getByRole("button", { name: "닫기" }).click();
  await expect(page.getByRole("link", { name: /플랜 B/ })).toContainText("기본");
  await expect(page.getByRole("link", { name: /월화수목금/ })).not.toContainText("기본");
});
