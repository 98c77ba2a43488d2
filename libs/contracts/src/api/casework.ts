// Casework in planning (services, contacts, tasks): API shapes shared by planning, the
// gateway and staff-web. Filled in with the planning casework slice.
export {};
