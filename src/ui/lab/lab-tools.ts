// The lab's tools behind a popover or a dialog (phones, sandboxes, world editing): one chunk, loaded the first time any opens.
export { PhonesPanel } from './phones-panel';
export { SandboxMenu } from './sandbox-menu';
export { WorldEditor } from './world-editor';
export { WorldLists } from './world-lists';
