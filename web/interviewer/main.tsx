import "survey-core/survey-core.fontless.min.css";
import "./interviewer.css";
import { createRoot } from "react-dom/client";
import { InterviewerApp } from "./InterviewerApp.tsx";
import { openLocalStore } from "./localStore.ts";
import { appMessages, defaultAppLanguage } from "./messages.ts";
import { registerOffline } from "./registerOffline.ts";

async function start(root: HTMLElement): Promise<void> {
  const store = await openLocalStore();
  createRoot(root).render(<InterviewerApp store={store} />);
  // Ask the browser not to evict the interviews under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
  void registerOffline().catch((error: unknown) => console.warn("offline support unavailable", error));
}

const root = document.getElementById("root");
if (root) {
  start(root).catch(() => {
    root.textContent = appMessages(defaultAppLanguage(navigator.language)).storageUnavailable;
  });
}
