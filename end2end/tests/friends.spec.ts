// The friends journey on two phones: a request by username, its acceptance on /friends, and a 친구공개
// timetable that the friend opens from the friend list, until its owner makes it 비공개.
import { test, expect, newStudent, hydrated, AccountPages, TimetablePages, tab, type Student } from "./fixtures";
import type { Page } from "@playwright/test";

/** The 친구 tab as a page object. */
class FriendsPage {
  constructor(private page: Page) {}

  async open() {
    await tab(this.page, "친구").click();
    await expect(this.page.getByRole("heading", { name: "친구", exact: true })).toBeVisible();
    await hydrated(this.page);
  }

  /** One of the lists: incoming, outgoing, friends or blocked. */
  list(name: "incoming" | "outgoing" | "friends" | "blocked") {
    return this.page.getByTestId(name);
  }

  person(list: "incoming" | "outgoing" | "friends" | "blocked", student: Student) {
    return this.list(list).getByTestId("person").filter({ hasText: `@${student.username}` });
  }

  async request(student: Student) {
    await this.page.getByLabel("친구 아이디").fill(student.username);
    await this.page.getByRole("button", { name: "친구 신청", exact: true }).click();
  }
}

test("two students become friends, and a 친구공개 timetable shows to the friend until it is made private", async ({
  page,
  browser,
  accounts,
  pageErrors,
}) => {
  page.on("dialog", (dialog) => dialog.accept());
  const owner = newStudent();
  const friend = newStudent();
  await accounts.signUp(owner);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on("pageerror", (error) => otherErrors.push(error.message));
  other.on("dialog", (dialog) => dialog.accept());
  await new AccountPages(other).signUp(friend);
  await expect(other.getByTestId("greeting")).toBeVisible();

  // The owner asks by username; the request waits under 보낸 요청.
  const ownerFriends = new FriendsPage(page);
  await ownerFriends.open();
  await expect(ownerFriends.list("friends")).toContainText("아직 친구가 없어요");
  await ownerFriends.request(friend);
  await expect(page.getByTestId("request-sent")).toHaveText("친구 신청을 보냈습니다.");
  await expect(ownerFriends.person("outgoing", friend)).toContainText(friend.nickname);
  await expect(ownerFriends.list("outgoing").getByTestId("count")).toHaveText("1");
  // The page fits a 360-pixel phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The other student accepts it under 받은 요청.
  const friendFriends = new FriendsPage(other);
  await friendFriends.open();
  await expect(friendFriends.list("incoming").getByTestId("count")).toHaveText("1");
  await friendFriends.person("incoming", owner).getByRole("button", { name: "수락" }).click();
  await expect(friendFriends.person("friends", owner)).toContainText(owner.nickname);
  await expect(friendFriends.list("incoming")).toContainText("받은 친구 요청이 없어요.");
  await page.reload();
  await expect(ownerFriends.person("friends", friend)).toBeVisible();
  await expect(ownerFriends.list("outgoing").getByTestId("count")).toHaveText("0");

  // The owner makes a timetable with one entry and shows it to friends only.
  await hydrated(page);
  await tab(page, "시간표").click();
  await expect(page.getByText("이 학기의 시간표가 아직 없어요")).toBeVisible();
  const timetable = new TimetablePages(page);
  await timetable.createFirst("친구용");
  await timetable.addCustom("스터디 모임", "10:00", "11:30");
  await expect(page.getByTestId("timetable-block")).toContainText("스터디 모임");
  await timetable.setVisibility("친구공개");

  // The friend opens it from the friend list: nickname, school and the block.
  await friendFriends.person("friends", owner).getByRole("link", { name: "시간표" }).click();
  await expect(other).toHaveURL(new RegExp(`/users/${owner.username}/timetable$`));
  await expect(other.getByRole("heading", { name: `${owner.nickname}님의 시간표` })).toBeVisible();
  await expect(other.getByTestId("student-school")).toHaveText("서울대학교");
  await expect(other.getByTestId("timetable-block")).toContainText("스터디 모임");

  // 비공개: after a reload the friend sees only the notice.
  await timetable.setVisibility("비공개");
  await other.reload();
  await expect(other.getByTestId("hidden-timetable")).toHaveText("비공개 시간표입니다");
  await expect(other.getByText("스터디 모임")).toHaveCount(0);

  expect(otherErrors).toEqual([]);
  await context.close();
});
