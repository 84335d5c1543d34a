// Photos on posts at 360 px: choosing photos on the write screen (each uploaded at once, shown as a
// thumbnail with 빼기, refusals in Korean), the post's strip, the full-screen viewer (count, 다음, Escape),
// and the list's thumbnail.
import { test, expect, newStudent, hydrated } from "./fixtures";
import { png } from "./pictures";

test("a student posts two photos, sees them in the post and opens them full screen", async ({ page, accounts, pageErrors }) => {
  const author = newStudent();
  await accounts.signUp(author);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const boards = await (await page.request.post("/api/boards")).json();
  const board = boards.find((b: { slug: string }) => b.slug === "free").id;
  await page.goto(`/boards/${board}/write`);
  await hydrated(page);

  const picker = page.getByTestId("photo-picker");
  const files = picker.locator("input[type=file]");
  await expect(picker.getByText("사진 0/10")).toBeVisible();
  // Not a photo: refused in Korean, nothing added.
  await files.setInputFiles({ name: "memo.txt", mimeType: "text/plain", buffer: Buffer.from("시험 범위 메모") });
  await expect(picker.getByRole("alert")).toContainText("사진 파일이 아니에요");
  await expect(picker.locator(".photo-thumb img")).toHaveCount(0);

  await files.setInputFiles([
    { name: "campus.png", mimeType: "image/png", buffer: png(1200, 800, [30, 90, 200]) },
    { name: "lunch.png", mimeType: "image/png", buffer: png(600, 900, [200, 60, 40]) },
    { name: "extra.png", mimeType: "image/png", buffer: png(300, 300, [20, 160, 60]) },
  ]);
  await expect(picker.locator(".photo-thumb img")).toHaveCount(3);
  await expect(picker.getByText("사진 3/10")).toBeVisible();
  // The refusal is gone once photos upload (an empty message is not shown at all).
  await expect(picker.locator("p.form-error")).toBeEmpty();
  // 빼기 is a full 44 px target, and takes the third photo out.
  const remove = picker.getByRole("button", { name: "사진 빼기" });
  const box = await remove.nth(2).boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(44);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await remove.nth(2).click();
  await expect(picker.locator(".photo-thumb img")).toHaveCount(2);
  await expect(picker.getByText("사진 2/10")).toBeVisible();

  const title = `학식 사진 ${Date.now()}`;
  await page.getByPlaceholder("제목").fill(title);
  await page.getByPlaceholder("내용").fill("오늘 점심 메뉴 사진이에요");
  await page.getByRole("button", { name: "완료" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await hydrated(page);

  const strip = page.getByTestId("photo-strip");
  await expect(strip.getByRole("link")).toHaveCount(2);
  await expect(strip.getByRole("link", { name: "사진 1/2" })).toBeVisible();
  // The first photo has loaded (its thumbnail is served to its uploader's school).
  await expect.poll(() => strip.locator("img").first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await strip.getByRole("link", { name: "사진 1/2" }).click();
  const viewer = page.getByTestId("photo-viewer");
  await expect(viewer).toBeVisible();
  await expect(viewer.getByText("1 / 2")).toBeVisible();
  const shown = await viewer.locator("img").first().boundingBox();
  expect(shown!.width).toBeGreaterThan(300);
  await viewer.getByRole("button", { name: "다음 사진" }).click();
  await expect(viewer.getByText("2 / 2")).toBeVisible();
  // At the last photo 다음 is gone (disabled and hidden).
  await expect(viewer.getByRole("button", { name: "다음 사진" })).toBeHidden();
  await page.keyboard.press("ArrowLeft");
  await expect(viewer.getByText("1 / 2")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await strip.getByRole("link", { name: "사진 2/2" }).click();
  await expect(page.getByTestId("photo-viewer").getByText("2 / 2")).toBeVisible();
  await page.getByTestId("photo-viewer").getByRole("button", { name: "닫기" }).click();
  await expect(page.getByTestId("photo-viewer")).toBeHidden();

  // The board's list shows the first photo small beside the entry.
  await page.goto(`/boards/${board}`);
  const entry = page.getByRole("listitem").filter({ hasText: title });
  await expect(entry.getByRole("img", { name: "사진 있음" })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test("before the page's code arrives a photo in a post is a link to its full size", async ({ browser, page, accounts }) => {
  const author = newStudent();
  await accounts.signUp(author);
  await expect(page.getByTestId("greeting")).toBeVisible();
  const boards = await (await page.request.post("/api/boards")).json();
  const board = boards.find((b: { slug: string }) => b.slug === "free").id;
  const uploaded = await (await page.request.post("/images", { data: png(200, 100, [90, 90, 90]), headers: { "content-type": "image/png" } })).json();
  const written = await page.request.post("/api/posts/write", {
    form: { board_id: board, title: "사진 한 장", body: "본문", images: String(uploaded.key.id) },
  });
  const post = await written.json();
  const cookies = await page.context().cookies();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await context.addCookies(cookies);
  const plain = await context.newPage();
  await plain.goto(`/posts/${post}`);
  const link = plain.getByTestId("photo-strip").getByRole("link", { name: "사진 1/1" });
  await expect(link).toHaveAttribute("href", `/images/${uploaded.key.id}-${uploaded.key.digest}`);
  await link.click();
  await expect(plain).toHaveURL(new RegExp(`/images/${uploaded.key.id}-`));
  await context.close();
});
