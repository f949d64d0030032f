/** A group chat of the WeChat API sandbox (GET /control/groups), as the H5 dev control names it. */
export interface SandboxGroup {
  id: string
  name: string
}
