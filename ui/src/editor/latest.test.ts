import { Latest } from "./latest";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

test("a later request wins over an earlier one that answers after it", async () => {
  const latest = new Latest();
  const landed: string[] = [];
  const slow = deferred<string>();
  const first = latest.run(() => slow.promise, (v) => landed.push(v), () => undefined);
  const second = latest.run(async () => "neu", (v) => landed.push(v), () => undefined);
  await second;
  slow.resolve("alt");
  await first;
  expect(landed).toEqual(["neu"]);
});

test("the failure of a request that is no longer the latest is not reported", async () => {
  const latest = new Latest();
  const failed: unknown[] = [];
  const slow = deferred<string>();
  const first = latest.run(() => slow.promise, () => undefined, (e) => failed.push(e));
  latest.cancel();
  slow.reject("rusak");
  await first;
  expect(failed).toEqual([]);
  await latest.run(() => Promise.reject("lagi"), () => undefined, (e) => failed.push(e));
  expect(failed).toEqual(["lagi"]);
});

test("begin: a token that says whether it is still the latest", () => {
  const latest = new Latest();
  const a = latest.begin();
  expect(a()).toBe(true);
  const b = latest.begin();
  expect(a()).toBe(false);
  expect(b()).toBe(true);
  latest.cancel();
  expect(b()).toBe(false);
});
